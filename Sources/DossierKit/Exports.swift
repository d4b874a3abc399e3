// DossierKit is the library other packages use: one import gives every type of its public API (specs, datasets,
// styles, diagnostics, blocks, charts, renderers), without depending on Dossier's internal module layout.
@_exported import Charts
@_exported import Geometry
@_exported import Layout
@_exported import Model
@_exported import RenderCairo
@_exported import Spec
