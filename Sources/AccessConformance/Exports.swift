// Suites and runners read the vector format; whoever runs vectors sees it too.
@_exported import AccessVectors
