import { acknowledged, breakingReport } from '../../src/graphql/schema-gen/breaking';
import { loadTypeDefs } from '../../src/graphql/schema';

describe('breaking changes against the last released schema', () => {
  it('acknowledges every breaking change in CHANGELOG.md, and nothing that is not one', () => {
    const report = breakingReport(loadTypeDefs());
    expect(report.baseline).toBe('v0.1.0.graphql');
    expect(report.unacknowledged).toEqual([]);
    expect(report.unused).toEqual([]);
    // This release does break the contract (see CHANGELOG.md), so the check has work to do.
    expect(report.changes.length).toBeGreaterThan(100);
  });

  it('fails on a breaking change nobody acknowledged', () => {
    // The same contract with State's isoCode renamed.
    const current = loadTypeDefs().replace(
      /(type State implements Node \{[^}]*?)\bisoCode: String!/,
      '$1isoCodeRenamed: String!',
    );
    expect(current).toContain('isoCodeRenamed');
    const report = breakingReport(current);
    expect(report.unacknowledged).toEqual(['State.isoCode was removed.']);
  });

  it('reads acknowledgements from the Unreleased section only, without comments', () => {
    const text = [
      '# Changelog',
      '## Unreleased',
      '```breaking',
      '# why',
      'A was removed.',
      '```',
      '## 0.1.0',
      '```breaking',
      'B was removed.',
      '```',
    ].join('\n');
    expect(acknowledged(text)).toEqual(['A was removed.']);
  });
});
