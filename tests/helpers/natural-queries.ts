/**
 * Nested questions a researcher asks, which a cost model that priced every
 * list at its page size refused (24,201 and 23,512 against 20,000), and a
 * deliberately huge nesting that must stay refused.
 */
const SOURCES = 'sources { source { id title url } quote }';

export const NATURAL_QUERIES: Record<string, string> = {
  'mandates and their priorities, with sources at both levels': `{
    mandates(first: 50) {
      edges { node { id name startDate endDate ${SOURCES}
        priorities(first: 50) {
          edges { order node { id name description ${SOURCES} } ${SOURCES} }
        }
      } }
    }
  }`,
  'organisations at the default page, with their members and projects': `{
    organisations {
      totalCount
      edges { node { id name kind ${SOURCES}
        members { totalCount edges { role period { from to } node { id name } ${SOURCES} } }
        projects { totalCount edges { period { from to } node { id name acronym } ${SOURCES} } }
      } }
    }
  }`,
};

/** Every state's relationships' relationships, with sources: refused whatever the graph holds today. */
export const HUGE_NESTED_QUERY = `{
  states(first: 100) { edges { node {
    relationships(first: 100) { edges { node { id
      relationships(first: 100) { edges { period { from to } node { id name sources { source { id } quote } } } }
    } } }
  } } }
}`;
