// The domain formats are part of the language; whoever uses the core sees them too.
@_exported import AccessSpecFormats
