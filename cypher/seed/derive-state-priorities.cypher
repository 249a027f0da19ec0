// The derived state → priority links, by the rules in docs/model.md ("Which
// states pursue which priorities"), re-derived from scratch on every load:
//   (State)-[:PURSUES]->(Priority)                the state's own action: the
//       state itself (presidency, pilot-country role, law) or its state
//       bodies (ministries, agencies, ombudsperson institutions, government
//       bodies, publicly run services);
//   (State)-[:MAY_PURSUE]->(Priority)             the same rules, where the
//       sources do not show every step of the best path: the tie to the
//       priority is a curator's reading, a step is unverified, a service's
//       operator is assumed or the start is unknown; never counted as pursuing;
//   (State)-[:CIVIL_SOCIETY_ENGAGES]->(Priority)  civil society based in the
//       state (NGOs, universities, foundations, networks, private providers,
//       services they run) takes part; never counted as the state pursuing.
// All three come out of one statement so that they are dated and graded by
// the same code. One relationship per state, priority, type and the project,
// service, law or presidency it goes through.
//
// Each evidence path is dated (the partnership or role where the fact gives
// a period, else the project's, the service's opening, the law's enactment,
// the presidency's term) and must overlap the period of the mandate that
// holds the priority; a path whose start is unknown stays, unverified. Its
// grade starts at high and each grade reason caps it (see GradeReasonCode in
// schema/node.graphql): a step's own lower confidence mark, an unverified
// step, an unknown start or an open end (at most medium), a civil-society
// actor (at most low). A step's reason quotes the curator's note on it,
// which says why the source or the curator marked it so. A state-action
// path is shown by the sources when its only reason, if any, is an open end;
// a link is PURSUES when its best path is shown, else MAY_PURSUE.
MATCH (:State)-[old:PURSUES|MAY_PURSUE|CIVIL_SOCIETY_ENGAGES]->(:Priority)
WHERE old.origin = 'derived'
DELETE old;

CALL () {
  // A state body takes part in a project that addresses the priority, or
  // coordinates it: a ministry, agency or ombudsperson institution tied to
  // the state (responsible for children in it, its ombudsperson, or based in
  // it), or, based in the state, a service not run by a non-governmental
  // organisation or a government body.
  MATCH path = (s:State)<-[tie:RESPONSIBLE_FOR_CHILDREN_IN|OMBUDSPERSON_FOR|LOCATED_IN]-(body)-[p:PARTNER_IN]->(via:Project)-[:ADDRESSES]->(pr:Priority)
  WHERE body:Ministry OR body:Agency OR body:OmbudspersonInstitution
     OR (tie:LOCATED_IN AND body:Service AND coalesce(body.operatorKind, '') <> 'non-governmental' AND NOT EXISTS {
           (body)-[:OPERATED_BY]->(o:Organisation)
           WHERE o.kind IN ['ngo', 'foundation', 'academic', 'network', 'service-provider', 'other'] })
     OR (tie:LOCATED_IN AND body:Organisation AND body.kind = 'government-body')
  RETURN s, pr, via, 'PURSUES' AS target, 'project' AS kind, 'body-partner-in-project' AS rule,
         path, p AS role, via AS dated, 'startDate' AS fromProp, 'endDate' AS toProp, null AS actor
  UNION
  MATCH path = (s:State)<-[tie:RESPONSIBLE_FOR_CHILDREN_IN|OMBUDSPERSON_FOR|LOCATED_IN]-(body)<-[p:COORDINATED_BY]-(via:Project)-[:ADDRESSES]->(pr:Priority)
  WHERE body:Ministry OR body:Agency OR body:OmbudspersonInstitution
     OR (tie:LOCATED_IN AND body:Organisation AND body.kind = 'government-body')
  RETURN s, pr, via, 'PURSUES' AS target, 'project' AS kind, 'body-partner-in-project' AS rule,
         path, p AS role, via AS dated, 'startDate' AS fromProp, 'endDate' AS toProp, null AS actor
  UNION
  // The state is a pilot country of a project that addresses it.
  MATCH path = (s:State)-[p:PILOT_COUNTRY_OF]->(via:Project)-[:ADDRESSES]->(pr:Priority)
  RETURN s, pr, via, 'PURSUES' AS target, 'project' AS kind, 'pilot-country' AS rule,
         path, p AS role, via AS dated, 'startDate' AS fromProp, 'endDate' AS toProp, null AS actor
  UNION
  // A publicly run national service in the state addresses it (e.g. a
  // Barnahus), from its opening on. One a non-governmental organisation runs
  // is civil society (below).
  MATCH path = (s:State)<-[:LOCATED_IN]-(via:Service)-[:ADDRESSES]->(pr:Priority)
  WHERE coalesce(via.operatorKind, '') <> 'non-governmental' AND NOT EXISTS {
          (via)-[:OPERATED_BY]->(o:Organisation)
          WHERE o.kind IN ['ngo', 'foundation', 'academic', 'network', 'service-provider', 'other'] }
  RETURN s, pr, via, 'PURSUES' AS target, 'service' AS kind, 'national-service' AS rule,
         path, null AS role, via AS dated, 'opened' AS fromProp, null AS toProp, null AS actor
  UNION
  // A law of the state addresses it (e.g. a corporal punishment ban), from its enactment on.
  MATCH path = (s:State)<-[:APPLIES_IN]-(via:Law)-[:ADDRESSES]->(pr:Priority)
  RETURN s, pr, via, 'PURSUES' AS target, 'law' AS kind, 'law' AS rule,
         path, null AS role, via AS dated, 'enacted' AS fromProp, null AS toProp, null AS actor
  UNION
  // The state's presidency declared it a priority, during its term. Only a
  // sourced DECLARED_PRIORITY ties a presidency to a priority: an output of
  // the presidency counts through such a tie, never by topic alone.
  MATCH path = (s:State)-[:HELD_PRESIDENCY]->(via:Presidency)-[:DECLARED_PRIORITY]->(pr:Priority)
  RETURN s, pr, via, 'PURSUES' AS target, 'presidency' AS kind, 'presidency' AS rule,
         path, null AS role, via AS dated, 'startDate' AS fromProp, 'endDate' AS toProp, null AS actor
  UNION
  // Civil society based in the state (an NGO, university, foundation,
  // network, private provider or other non-state organisation, or a service
  // one of them runs) takes part in or coordinates a project that addresses
  // it. International organisations do not stand for the state they sit in.
  MATCH path = (s:State)<-[:LOCATED_IN]-(org)-[p:PARTNER_IN]->(via:Project)-[:ADDRESSES]->(pr:Priority)
  WHERE (org:Organisation AND org.kind IN ['ngo', 'foundation', 'academic', 'network', 'service-provider', 'other'])
     OR (org:Service AND (org.operatorKind = 'non-governmental' OR EXISTS {
           (org)-[:OPERATED_BY]->(o:Organisation)
           WHERE o.kind IN ['ngo', 'foundation', 'academic', 'network', 'service-provider', 'other'] }))
  RETURN s, pr, via, 'CIVIL_SOCIETY_ENGAGES' AS target, 'project' AS kind,
         'civil-society-partner-in-project' AS rule,
         path, p AS role, via AS dated, 'startDate' AS fromProp, 'endDate' AS toProp, org AS actor
  UNION
  MATCH path = (s:State)<-[:LOCATED_IN]-(org:Organisation)<-[p:COORDINATED_BY]-(via:Project)-[:ADDRESSES]->(pr:Priority)
  WHERE org.kind IN ['ngo', 'foundation', 'academic', 'network', 'service-provider', 'other']
  RETURN s, pr, via, 'CIVIL_SOCIETY_ENGAGES' AS target, 'project' AS kind,
         'civil-society-partner-in-project' AS rule,
         path, p AS role, via AS dated, 'startDate' AS fromProp, 'endDate' AS toProp, org AS actor
  UNION
  // A national service in the state that a non-governmental organisation
  // runs (OPERATED_BY, or operatorKind where the sources say an NGO runs it
  // without naming it) addresses it, from its opening on.
  MATCH path = (s:State)<-[:LOCATED_IN]-(via:Service)-[:ADDRESSES]->(pr:Priority)
  WHERE via.operatorKind = 'non-governmental' OR EXISTS {
          (via)-[:OPERATED_BY]->(o:Organisation)
          WHERE o.kind IN ['ngo', 'foundation', 'academic', 'network', 'service-provider', 'other'] }
  RETURN s, pr, via, 'CIVIL_SOCIETY_ENGAGES' AS target, 'service' AS kind,
         'civil-society-service' AS rule,
         path, null AS role, via AS dated, 'opened' AS fromProp, null AS toProp, via AS actor
}
// The path's period: the partnership or role where the fact gives one, else
// the dated node's own (project, service, law, presidency), each end with
// the precision of the fact that set it.
WITH s, pr, via, target, kind, rule, path, actor,
     role IS NOT NULL AND (role.validFrom IS NOT NULL OR role.validTo IS NOT NULL) AS byRole,
     role, dated, fromProp, toProp
WITH s, pr, via, target, kind, rule, path, actor,
     CASE WHEN byRole THEN role.validFrom ELSE dated[fromProp] END AS pathFrom,
     CASE WHEN byRole THEN role.validFromPrecision ELSE dated[fromProp + 'Precision'] END AS fromPrecision,
     CASE WHEN byRole THEN role.validTo WHEN toProp IS NULL THEN null ELSE dated[toProp] END AS pathTo,
     CASE WHEN byRole THEN role.validToPrecision WHEN toProp IS NULL THEN null
          ELSE dated[toProp + 'Precision'] END AS toPrecision
// The mandate that holds the priority gives the period the path must overlap.
OPTIONAL MATCH (m:Mandate)-[:HAS_PRIORITY]->(pr)
WITH s, pr, via, target, kind, rule, path, actor, pathFrom, fromPrecision, pathTo, toPrecision,
     min(m.startDate) AS mandateFrom, max(coalesce(m.endDate, date('9999-12-31'))) AS mandateTo
// A dated path must overlap the mandate by at least 182 days (
// about six months): a project that ended a few months into a mandate (or
// a role that began a few months before it ended) does not show work on the
// priority during it (PROMISE 1, whose final conference was in June 2017,
// and the 2017-2020 mandate from July 2017).
WHERE pathFrom IS NULL
   OR ((mandateTo IS NULL OR pathFrom <= mandateTo)
       AND (mandateFrom IS NULL OR coalesce(pathTo, date('9999-12-31')) >= mandateFrom)
       AND duration.inDays(
             CASE WHEN mandateFrom IS NULL OR pathFrom > mandateFrom THEN pathFrom ELSE mandateFrom END,
             CASE WHEN pathTo IS NULL OR pathTo > coalesce(mandateTo, date('9999-12-31'))
                  THEN coalesce(mandateTo, date('9999-12-31')) ELSE pathTo END
           ).days >= 182)
WITH s, pr, via, target, kind, rule, path, actor, pathFrom, fromPrecision, pathTo, toPrecision,
     relationships(path) AS rels, nodes(path) AS ns
// Grade reasons, in order: each step's (the relationship, then the entity it
// reaches), then the path's own (its actor, its start, its end).
WITH s, pr, via, target, kind, rule, path, actor, pathFrom, fromPrecision, pathTo, toPrecision, rels, ns,
     reduce(acc = [], i IN range(0, size(rels) - 1) |
       acc
       + CASE WHEN rels[i].confidence IN ['medium', 'low']
           THEN [{code: 'STEP_CONFIDENCE', cap: rels[i].confidence, step: i,
                  text: type(rels[i]) + ' ' + startNode(rels[i]).id + ' -> ' + endNode(rels[i]).id
                        + ' has confidence ' + rels[i].confidence + ' in its sources'
                        + coalesce(': ' + rels[i].note, '')}]
           ELSE [] END
       + CASE WHEN ns[i + 1].confidence IN ['medium', 'low']
           THEN [{code: 'STEP_CONFIDENCE', cap: ns[i + 1].confidence, step: i,
                  text: ns[i + 1].id + ' has confidence ' + ns[i + 1].confidence + ' in its sources'
                        + coalesce(': ' + ns[i + 1].note, '')}]
           ELSE [] END
       + CASE WHEN coalesce(rels[i].unverified, false)
           THEN [{code: 'UNVERIFIED_STEP', cap: 'medium', step: i,
                  text: type(rels[i]) + ' ' + startNode(rels[i]).id + ' -> ' + endNode(rels[i]).id
                        + ' is unverified: inferred or not confirmed by a source'
                        + coalesce(' (' + rels[i].note + ')', '')}]
           ELSE [] END
       + CASE WHEN coalesce(ns[i + 1].unverified, false)
           THEN [{code: 'UNVERIFIED_STEP', cap: 'medium', step: i,
                  text: ns[i + 1].id + ' is unverified: inferred or not confirmed by a source'
                        + coalesce(' (' + ns[i + 1].note + ')', '')}]
           ELSE [] END)
     // A service stands for the state only as a public one: where the
     // sources name no operator and do not say who runs it, that is assumed,
     // not shown.
     + [n IN CASE WHEN target = 'PURSUES' THEN tail(ns) ELSE [] END
        WHERE n:Service AND n.operatorKind IS NULL AND NOT EXISTS { (n)-[:OPERATED_BY]->() } |
        {code: 'OPERATOR_UNKNOWN', cap: 'medium',
         step: [i IN range(1, size(ns) - 1) WHERE ns[i] = n][0] - 1,
         text: n.id + ' is counted as publicly run, but no source says who runs it'}]
     + CASE WHEN actor IS NULL THEN []
         ELSE [{code: 'NON_STATE_OPERATOR', cap: 'low',
                step: [i IN range(0, size(ns) - 1) WHERE ns[i] = actor][0] - 1,
                text: actor.id + CASE WHEN actor:Service
                  THEN ' is run by a non-governmental organisation'
                  ELSE ' is civil society (' + actor.kind + '), not a state body' END}]
       END
     + CASE WHEN pathFrom IS NULL
         THEN [{code: 'UNKNOWN_START', cap: 'medium', step: null,
                text: 'the start of ' + via.id + ' is unknown, so the overlap with the mandate is not shown'}]
         ELSE [] END
     + CASE WHEN pathTo IS NULL
         THEN [{code: 'OPEN_END', cap: 'medium', step: null,
                text: 'no end is known for ' + via.id
                      + ' (open from ' + coalesce(toString(pathFrom), 'an unknown start')
                      + '), so activity during the mandate is assumed, not shown'}]
         ELSE [] END AS reasons
WITH s, pr, via, target, kind, rule, path, rels, ns, reasons, pathFrom, fromPrecision, pathTo, toPrecision,
     // 0 high, 1 medium, 2 low: the lowest cap of its reasons.
     reduce(rank = 0, g IN reasons |
       CASE WHEN g.cap = 'low' THEN 2 WHEN g.cap = 'medium' AND rank < 1 THEN 1 ELSE rank END) AS rank,
     pathFrom IS NULL
       OR any(g IN reasons WHERE g.code = 'OPERATOR_UNKNOWN')
       OR any(r IN rels WHERE coalesce(r.unverified, false))
       OR any(n IN ns WHERE coalesce(n.unverified, false)) AS pathUnverified,
     // Shown: every step a sourced fact at high confidence, nothing assumed;
     // an open end is the one doubt a shown path may carry.
     all(g IN reasons WHERE g.code = 'OPEN_END') AS shown,
     // The path as text: ids and arrows, which also breaks ties between
     // paths through the same nodes by different relationship types.
     reduce(text = ns[0].id, i IN range(0, size(rels) - 1) |
       text
       + CASE WHEN startNode(rels[i]) = ns[i]
           THEN ' -' + type(rels[i]) + '-> '
           ELSE ' <-' + type(rels[i]) + '- ' END
       + ns[i + 1].id) AS text
// Best paths first: by grade, shown before not, verified before unverified, a state body's
// own tie to the state (responsible for, ombudsperson for) before mere
// location, then by text.
ORDER BY s.id, pr.id, target, via.id, rank, NOT shown, pathUnverified, type(rels[0]) = 'LOCATED_IN', text
WITH s, pr, via, target, kind,
     collect({
       rule: rule, text: text, rank: rank, unverified: pathUnverified, shown: shown,
       nodes: [n IN ns | n.id],
       period: coalesce(toString(pathFrom), '') + '/' + coalesce(toString(pathTo), ''),
       precisions: CASE WHEN pathFrom IS NULL THEN '' ELSE coalesce(fromPrecision, '') END
                   + '/' + CASE WHEN pathTo IS NULL THEN '' ELSE coalesce(toPrecision, '') END,
       // JSON by hand (codes, caps and steps are plain; the text, which
       // quotes curators' notes, is escaped as a JSON string).
       reasons: '[' + reduce(json = '', g IN reasons |
         json + CASE WHEN json = '' THEN '' ELSE ',' END
         + '{"code":"' + g.code + '","cap":"' + g.cap + '","step":'
         + coalesce(toString(g.step), 'null') + ',"text":"'
         + replace(replace(replace(replace(replace(g.text,
             '\\', '\\\\'), '"', '\\"'), '\n', '\\n'), '\r', '\\r'), '\t', '\\t')
         + '"}') + ']',
       actor: ns[1].id,
       sources: reduce(a = [], r IN rels | a + coalesce(r.sourceIds, []))
     }) AS ordered
// Paths through the same nodes by parallel relationships (an ombudsperson
// office both OMBUDSPERSON_FOR and LOCATED_IN its state) are one piece of
// evidence: the best of them is kept, with the sources of all.
WITH s, pr, via, target, kind, ordered,
     reduce(acc = [], p IN ordered |
       CASE WHEN any(q IN acc WHERE q.nodes = p.nodes) THEN acc ELSE acc + p END) AS kept
WITH s, pr, via, target, kind,
     [k IN kept | k {.*, sources: reduce(a = [], q IN ordered | CASE WHEN q.nodes = k.nodes THEN a + q.sources ELSE a END)}] AS paths
// State action whose best path the sources do not show is MAY_PURSUE.
WITH s, pr, via, kind, paths,
     CASE WHEN target = 'PURSUES' AND NOT paths[0].shown THEN 'MAY_PURSUE' ELSE target END AS target,
     reduce(acc = [], p IN paths | acc + p.sources) AS allSources
WITH s, pr, target, {
       origin: 'derived',
       via: kind,
       viaId: via.id,
       viaName: via.name,
       // Per evidence path, in the same order: rule, text, period and the
       // precisions of its ends, confidence, unverified, grade reasons.
       rules: [p IN paths | p.rule],
       evidence: [p IN paths | p.text],
       evidencePeriods: [p IN paths | p.period],
       evidencePeriodPrecisions: [p IN paths | p.precisions],
       evidenceConfidence: [p IN paths | ['high', 'medium', 'low'][p.rank]],
       evidenceUnverified: [p IN paths | p.unverified],
       evidenceGradeReasons: [p IN paths | p.reasons],
       // The link: its best path's rule and confidence; unverified only when every path is.
       rule: paths[0].rule,
       confidence: ['high', 'medium', 'low'][paths[0].rank],
       unverified: all(p IN paths WHERE p.unverified),
       pathCount: size(paths),
       sourceIds: reduce(acc = [], id IN allSources | CASE WHEN id IN acc THEN acc ELSE acc + id END),
       actorIds: reduce(acc = [], id IN [p IN paths | p.actor] | CASE WHEN id IN acc THEN acc ELSE acc + id END)
     } AS props
CALL (s, pr, target, props) {
  WITH * WHERE target = 'PURSUES'
  CREATE (s)-[r:PURSUES]->(pr)
  SET r = props {.*, actorIds: null}
}
CALL (s, pr, target, props) {
  WITH * WHERE target = 'MAY_PURSUE'
  CREATE (s)-[r:MAY_PURSUE]->(pr)
  SET r = props {.*, actorIds: null}
}
CALL (s, pr, target, props) {
  WITH * WHERE target = 'CIVIL_SOCIETY_ENGAGES'
  CREATE (s)-[r:CIVIL_SOCIETY_ENGAGES]->(pr)
  SET r = props
}
RETURN count(CASE WHEN target = 'PURSUES' THEN 1 END) AS derived,
       count(CASE WHEN target = 'MAY_PURSUE' THEN 1 END) AS mayPursue,
       count(CASE WHEN target = 'CIVIL_SOCIETY_ENGAGES' THEN 1 END) AS civilSociety;
