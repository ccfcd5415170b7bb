import { describe, expect, it } from 'vitest';
import { compareVerdicts, spreadEvenly } from './typeCheck';

describe('spreadEvenly', () => {
  it('takes the first, the last and even steps between', () => {
    expect(spreadEvenly([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)).toEqual([0, 5, 10]);
    expect(spreadEvenly([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 4)).toEqual([0, 3, 6, 9]);
  });
  it('takes them all when there are no more than asked for', () => {
    expect(spreadEvenly(['a', 'b'], 5)).toEqual(['a', 'b']);
  });
});

describe('compareVerdicts', () => {
  const mutant = (id: string, line: number) => ({ id, mutatorName: 'StringLiteral', replacement: '""', location: { start: { line, column: 0 }, end: { line, column: 2 } } });
  const mutants = [mutant('a', 0), mutant('b', 9)];
  it('passes the same verdicts when both kinds are among them', () => {
    expect(compareVerdicts(mutants, new Map([['a', true], ['b', false]]), new Map([['a', true], ['b', false]]))).toEqual([]);
  });
  it('names each mutant the checkers disagree on, by line, mutator and replacement', () => {
    expect(compareVerdicts(mutants, new Map([['a', true], ['b', true]]), new Map([['a', true], ['b', false]]))).toEqual([
      'line 10, StringLiteral → "": ours says does not compile, Stryker\'s checker says compiles',
    ]);
  });
  it('fails a set of mutants that all pass or all fail, which shows nothing about finding errors', () => {
    expect(compareVerdicts(mutants, new Map([['a', false], ['b', false]]), new Map([['a', false], ['b', false]]))).toEqual(['the 2 mutants all pass (Stryker\'s checker): choose a file or a count with both kinds']);
    expect(compareVerdicts(mutants, new Map([['a', true], ['b', true]]), new Map([['a', true], ['b', true]]))).toEqual(['the 2 mutants all fail (Stryker\'s checker): choose a file or a count with both kinds']);
  });
});
