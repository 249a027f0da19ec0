// The dataset version the graph holds, written after every seed load: the
// checksum of the seed files that produced it, the content checksum of what
// was loaded and derived, when, and by which version. One node, not an
// :Entity, so it is never part of the graph's answers.
MERGE (d:Dataset {id: 'dataset'})
SET d.filesChecksum = $filesChecksum,
    d.checksum = $checksum,
    d.seedVersion = $seedVersion,
    d.loadedAt = datetime()
