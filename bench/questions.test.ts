import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitQuestions, type Question } from './questions';

describe('splitQuestions', () => {
  const questions = JSON.parse(readFileSync(path.join(process.cwd(), 'testdata/questions/qrels.json'), 'utf8')) as Question[];

  it('puts every question in exactly one half, about half in each', () => {
    const { dev, heldOut } = splitQuestions(questions);
    expect(dev.length + heldOut.length).toBe(questions.length);
    expect(new Set([...dev, ...heldOut].map((q) => q.id)).size).toBe(questions.length);
    expect(dev.length / questions.length).toBeGreaterThan(0.45);
    expect(dev.length / questions.length).toBeLessThan(0.55);
  });

  it('decides by id alone, whatever the order', () => {
    const again = splitQuestions([...questions].reverse());
    expect(again.dev.map((q) => q.id).sort((a, b) => a - b)).toEqual(splitQuestions(questions).dev.map((q) => q.id).sort((a, b) => a - b));
    expect(splitQuestions([{ id: 0 }, { id: 1 }, { id: 2 }, { id: 3 }])).toEqual({ dev: [{ id: 0 }, { id: 1 }, { id: 2 }], heldOut: [{ id: 3 }] });
  });

  it('does not follow the parity of the ids', () => {
    const { dev } = splitQuestions(questions);
    const even = dev.filter((q) => q.id % 2 === 0).length;
    expect(even / dev.length).toBeGreaterThan(0.4);
    expect(even / dev.length).toBeLessThan(0.6);
  });
});
