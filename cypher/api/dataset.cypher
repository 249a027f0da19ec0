// The dataset version recorded by the last seed load, if any.
MATCH (d:Dataset {id: 'dataset'})
RETURN d.filesChecksum AS filesChecksum, d.checksum AS checksum,
       d.seedVersion AS seedVersion, toString(d.loadedAt) AS loadedAt
