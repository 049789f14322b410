// The formats explain what is wrong with a value in both languages; whoever checks values sees them.
@_exported import AccessSpecText
