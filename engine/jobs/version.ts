// The version this engine reports: OpenQuake-compatible, so that clients that compare
// major.minor with their own (the QGIS plugin 3.26) accept it.
export const ENGINE_VERSION = "3.26.0";
