// The two languages and their texts belong to every message; whoever reports sees them too.
@_exported import AccessSpecText
