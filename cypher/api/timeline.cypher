// Dated events in date order, from the dated properties of the graph.
CALL () {
  MATCH (n:Presidency) RETURN n.startDate AS date, n.startDatePrecision AS precision, 'PRESIDENCY' AS kind, n.name + ' begins' AS title, n
  UNION ALL
  MATCH (n:Meeting) RETURN n.startDate AS date, n.startDatePrecision AS precision, 'MEETING' AS kind, n.name AS title, n
  UNION ALL
  MATCH (n:Event) RETURN n.startDate AS date, n.startDatePrecision AS precision, 'EVENT' AS kind, n.name AS title, n
  UNION ALL
  MATCH (n:Mandate) RETURN n.adopted AS date, n.adoptedPrecision AS precision, 'ADOPTION' AS kind, n.name + ' adopted' AS title, n
  UNION ALL
  MATCH (n:Project) RETURN n.startDate AS date, n.startDatePrecision AS precision, 'PROJECT_START' AS kind, n.name + ' starts' AS title, n
  UNION ALL
  MATCH (n:Project) RETURN n.endDate AS date, n.endDatePrecision AS precision, 'PROJECT_END' AS kind, n.name + ' ends' AS title, n
  UNION ALL
  MATCH (n:Law) RETURN n.enacted AS date, n.enactedPrecision AS precision, 'LAW' AS kind, n.name AS title, n
  UNION ALL
  MATCH (n:Service) RETURN n.opened AS date, n.openedPrecision AS precision, 'OPENING' AS kind, n.name + ' opens' AS title, n
  UNION ALL
  MATCH (n:Output) RETURN n.published AS date, n.publishedPrecision AS precision, 'PUBLICATION' AS kind, n.name AS title, n
}
WITH date, precision, kind, title, n
WHERE date IS NOT NULL
  AND ($from IS NULL OR date >= $from)
  AND ($to IS NULL OR date <= $to)
  AND ($kinds IS NULL OR kind IN $kinds)
RETURN date, precision, kind, title, labels(n) AS labels, properties(n) AS props
ORDER BY date, kind, props.id
LIMIT $limit
