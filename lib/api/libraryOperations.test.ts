import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './buildOpenApi';
import { libraryOperations } from './libraryOperations';
import { readQuery } from './readQuery';

const compareQuery = libraryOperations.compareRegulationVersions.query;
const url = (q: string) => new Request(`http://x/api/v1/regulations/r/compare${q}`);

describe('libraryOperations', () => {
  it('reads version seqs of a comparison, both optional', () => {
    expect(readQuery(url('?from=1&to=2'), compareQuery)).toEqual({ from: 1, to: 2 });
    expect(readQuery(url(''), compareQuery)).toEqual({});
  });

  it('refuses a seq that is not a positive whole number with validation_failed', () => {
    for (const q of ['?from=1.5', '?to=abc', '?from=0', '?to=-2']) {
      expect(() => readQuery(url(q), compareQuery), q).toThrow(expect.objectContaining({ code: 'validation_failed', message: 'version_seq_invalid' }));
    }
  });

  it('documents the version comparison and the article history in the OpenAPI document', () => {
    const paths = (buildOpenApi() as { paths: Record<string, Record<string, { parameters?: { name: string }[] }>> }).paths;
    expect(paths['/api/v1/regulations/{id}/compare'].get.parameters!.map((p) => p.name)).toEqual(['id', 'from', 'to']);
    expect(paths['/api/v1/regulations/{id}/articles/{n}/history'].get.parameters!.map((p) => p.name)).toEqual(['id', 'n', 'at']);
  });
});
