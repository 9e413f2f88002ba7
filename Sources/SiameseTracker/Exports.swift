// An app needs only `import SiameseTracker`: boxes (Geometry) and frames (Imaging) come with it.
@_exported import Geometry
@_exported import Imaging
