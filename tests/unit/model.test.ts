import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { entityDates, loadModel, MODEL_FILE, orderKey } from '../../src/model';
import { expression, v } from '../../src/cypher';

/**
 * seed/model.yaml is read through loadModel, its shape checked with zod
 * before anything else reads it. Each case edits a copy of the real model.
 */
const REAL = fs.readFileSync(MODEL_FILE, 'utf8');

function loadEdited(edit: (yaml: string) => string): () => unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'model-'));
  const file = path.join(dir, 'model.yaml');
  fs.writeFileSync(file, edit(REAL));
  return () => {
    try {
      return loadModel(file);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

const replaceOnce = (from: string, to: string) => (yaml: string) => {
  if (!yaml.includes(from)) throw new Error(`the model no longer contains ${from}`);
  return yaml.replace(from, to);
};

describe('the domain model (seed/model.yaml)', () => {
  it('reads the real model, with every label and relationship type', () => {
    const model = loadModel();
    expect(Object.keys(model.labels).length).toBeGreaterThan(20);
    expect(model.relationships.PURSUES?.derived).toBe(true);
    expect(model.relationships.MAY_PURSUE?.derived).toBe(true);
    // Defaults are filled in by the shape: every label has properties and fields.
    for (const spec of Object.values(model.labels)) {
      expect(spec.properties).toBeDefined();
      expect(spec.fields).toBeDefined();
    }
  });

  it('refuses a description cut short by an unquoted comma in a flow mapping, naming where', () => {
    const load = loadEdited(
      replaceOnce(
        'citation: { type: string, description: "Citation key in the reference fact sheet, e.g. S9" }',
        'citation: { type: string, description: Citation key in the reference fact sheet, e.g. S9 }',
      ),
    );
    expect(load).toThrow(/labels\.Source\.properties\.citation: Unrecognized key: "e\.g\. S9"/);
  });

  it('refuses an unknown property type and a maxLength out of bounds, each with its path', () => {
    expect(loadEdited(replaceOnce('citation: { type: string,', 'citation: { type: str,'))).toThrow(
      /labels\.Source\.properties\.citation\.type/,
    );
    expect(
      loadEdited(
        replaceOnce('citation: { type: string,', 'citation: { type: string, maxLength: 0,'),
      ),
    ).toThrow(/labels\.Source\.properties\.citation\.maxLength/);
  });

  it('refuses a relationship field with a direction other than out or in', () => {
    const load = loadEdited((yaml) =>
      yaml.replace(/(relationship: PURSUES, direction: )out/, '$1outgoing'),
    );
    expect(load).toThrow(/labels\.State\.fields\.pursues\.direction/);
  });

  it('still refuses what the shape cannot say: a relationship naming an unknown label', () => {
    const load = loadEdited(
      replaceOnce(
        'from: [State]\n    to: [Priority]\n    period: false\n    properties:\n      rule:\n        type: enum\n        values: [body-partner-in-project, pilot-country, national-service, law, presidency]\n        description: Which derivation rule produced the link\n  MAY_PURSUE:',
        'from: [Statehood]\n    to: [Priority]\n    period: false\n    properties:\n      rule:\n        type: enum\n        values: [body-partner-in-project, pilot-country, national-service, law, presidency]\n        description: Which derivation rule produced the link\n  MAY_PURSUE:',
      ),
    );
    expect(load).toThrow(/relationship PURSUES names unknown label Statehood/);
  });

  describe('the timeline: kinds and the walks by which an event involves a state', () => {
    it('reads every kind with its label, date and walks', () => {
      const { timeline } = loadModel();
      expect(Object.keys(timeline.kinds)).toEqual([
        'PRESIDENCY',
        'MEETING',
        'EVENT',
        'ADOPTION',
        'PROJECT_START',
        'PROJECT_END',
        'LAW',
        'OPENING',
        'PUBLICATION',
      ]);
      expect(timeline.kinds.OPENING).toMatchObject({ label: 'Service', date: 'opened' });
      // YAML anchors: events walk as meetings do.
      expect(timeline.kinds.EVENT!.involves).toEqual(timeline.kinds.MEETING!.involves);
    });

    it('refuses a date that is not a date property of the label', () => {
      const load = loadEdited(
        replaceOnce('label: Service\n      date: opened', 'label: Service\n      date: name'),
      );
      expect(load).toThrow(/timeline OPENING: Service\.name is not a date property/);
    });

    it('refuses a walk along a type that does not leave where the walk stands', () => {
      const load = loadEdited(replaceOnce('- [out: [APPLIES_IN]]', '- [in: [APPLIES_IN]]'));
      expect(load).toThrow(
        /timeline LAW, walk 1: step 1 \(APPLIES_IN\) cannot be walked in from Law/,
      );
    });

    it('refuses a walk that does not end at a state', () => {
      const load = loadEdited(replaceOnce('- [out: [LOCATED_IN]]\n', '- [out: [PARTNER_IN]]\n'));
      expect(load).toThrow(/timeline OPENING, walk 1 does not reach a State/);
    });

    it('refuses labels on the last step, which reaches the state itself', () => {
      const load = loadEdited(
        replaceOnce('- [out: [LOCATED_IN]]\n', '- [{ out: [LOCATED_IN], labels: [Country] }]\n'),
      );
      expect(load).toThrow(
        /timeline OPENING, walk 1: the last step reaches the state; it takes no labels/,
      );
    });

    it('refuses a step with a type the walk cannot take there, beside one it can', () => {
      const load = loadEdited(
        replaceOnce('- [out: [APPLIES_IN]]', '- [out: [APPLIES_IN, HELD_IN]]'),
      );
      expect(load).toThrow(
        /timeline LAW, walk 1: step 1 \(HELD_IN\) cannot be walked out from Law/,
      );
    });

    it('refuses a title without {name}, naming the path', () => {
      const load = loadEdited(replaceOnce("title: '{name} opens'", "title: 'opens'"));
      expect(load).toThrow(/timeline\.kinds\.OPENING\.title: holds \{name\} once/);
    });
  });

  describe("each label's date, which pages ordered by date read", () => {
    it("dates pages by the first of the labels' dates an entity has, read from the model", () => {
      expect(entityDates(loadModel())).toEqual([
        'startDate',
        'published',
        'opened',
        'enacted',
        'adopted',
      ]);
      const key = expression(orderKey('LATEST', v('r'), v('m')));
      expect(key).toContain(
        'coalesce(r.validFrom, m.startDate, m.published, m.opened, m.enacted, m.adopted)',
      );
    });

    it("refuses a label whose own date another label's date would come before", () => {
      // A mandate has a startDate, which pages read before its adoption.
      const load = loadEdited(
        replaceOnce(
          '    date: startDate\n    properties:\n      name: { type: string, required: true }\n      startDate: { type: date }\n      endDate: { type: date }\n      adopted',
          '    date: adopted\n    properties:\n      name: { type: string, required: true }\n      startDate: { type: date }\n      endDate: { type: date }\n      adopted',
        ),
      );
      expect(load).toThrow(/pages would date Mandate by startDate .*, not by its date adopted/);
    });

    it('refuses a date that is not a date property of its label', () => {
      const load = loadEdited(replaceOnce('    date: opened\n', '    date: name\n'));
      expect(load).toThrow(/Service\.date names name, not a date property of Service/);
    });
  });
});
