import type { QueryParam, SavedQuery } from './library';
import { queryLibrary } from './library';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A `:param` command for Neo4j Browser setting a parameter to its example value. */
function paramCommand(p: QueryParam): string {
  const v = p.example;
  let literal: string;
  if (v === null) literal = 'null';
  else if (p.type === 'date') literal = `date('${String(v)}')`;
  else if (typeof v === 'string') literal = `'${v.replace(/'/g, "\\'")}'`;
  else literal = String(v);
  return `:param ${p.name} => ${literal}`;
}

function querySlide(q: SavedQuery): string {
  const params = q.params.length
    ? `<p>Set its parameters (click, then run; change the values as you like):</p>
        ${q.params.map((p) => `<pre class="pre-scrollable code runnable">${escape(paramCommand(p))}</pre><p><small><code>$${p.name}</code> (${p.type}${p.required ? ', required' : ''}): ${escape(p.description)}</small></p>`).join('\n')}`
    : '';
  return `
    <slide class="row-fluid">
      <div class="col-sm-12">
        <h3>${escape(q.name)}</h3>
        <p class="lead">${escape(q.description)}</p>
        ${params}
        <p>Then run the query (click it to put it in the editor):</p>
        <pre class="pre-scrollable code runnable">${escape(q.cypher)}</pre>
        <p><small>Columns: ${q.columns.map(escape).join(', ')}. Also: <code>npm run cypher -- ${escape(q.name)}</code>.</small></p>
      </div>
    </slide>`;
}

/**
 * A Neo4j Browser guide (`:play <url>`): the model at a glance, then one
 * slide per saved query with its parameters as runnable `:param` commands.
 */
export function browserGuide(): string {
  const intro = `
    <slide class="row-fluid">
      <div class="col-sm-12">
        <h3>The CBSS Children at Risk knowledge graph</h3>
        <p class="lead">Child-protection cooperation in the Baltic Sea region: the CBSS Expert Group on Children at Risk and everything it links.</p>
        <p>Every entity has the label <code>:Entity</code> and its own label (<code>:State</code>, <code>:Project</code>, <code>:Priority</code>, ...), a global <code>id</code> such as <code>state:LT</code>, a <code>name</code>, and its provenance: <code>sourceIds</code> (ids of <code>:Source</code> nodes), <code>sourceQuotes</code>, <code>confidence</code>, <code>unverified</code>. Relationships carry the same provenance and, where they hold for a time, <code>validFrom</code> / <code>validTo</code> with their precision.</p>
        <p><code>(:State)-[:PURSUES]->(:Priority)</code> is derived from the state's own action (the state itself or its ministries, agencies, ombudsperson institutions and public services): each one says <code>via</code> which project, service, law or presidency, with the <code>evidence</code> paths and the sources along them, only where the sources show the best path (no grade reason but an open end). The same state action resting on a curator's reading or an assumption is <code>(:State)-[:MAY_PURSUE]->(:Priority)</code>, never counted as pursuing. Civil society based in a state (NGOs, universities, foundations, NGO-run services) is <code>(:State)-[:CIVIL_SOCIETY_ENGAGES]->(:Priority)</code>, derived apart and never counted as the state pursuing. Per path, <code>evidenceConfidence</code> is its grade and <code>evidenceGradeReasons</code> says what set it (JSON: <code>OPEN_END</code>, <code>UNKNOWN_START</code>, <code>UNVERIFIED_STEP</code>, <code>STEP_CONFIDENCE</code>, <code>NON_STATE_OPERATOR</code>, <code>OPERATOR_UNKNOWN</code>, each with its cap).</p>
        <p>A look at the schema:</p>
        <pre class="pre-scrollable code runnable">CALL db.schema.visualization()</pre>
        <p>The next slides are the saved queries of the library, ready to run.</p>
      </div>
    </slide>`;
  return `<article class="guide">
  <carousel class="deck container-fluid">
    ${intro}
    ${[...queryLibrary().values()].map(querySlide).join('\n')}
  </carousel>
</article>
`;
}
