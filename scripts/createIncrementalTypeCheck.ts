import path from 'node:path';
import ts from 'typescript';

/// One TypeScript project, type-checked again after some of its files are given other text, for
/// the mutation run's checker (scripts/strykerTypeChecker.ts): is this mutant a compile error?
/// Each check starts from the files on disk, gives the named files their new text and returns the
/// errors of the whole program. It keeps the previous program and its per-file results, so a check
/// parses only the changed files and checks only them and the files their change can affect (those
/// that import a file whose exported types changed); the rest reuses the results already held.
export type IncrementalTypeCheck = {
  /// The errors of the project as it is on disk: the config, the options and every file.
  readonly initialErrors: readonly ts.Diagnostic[];
  /// Whether the file (absolute path) is part of the program, so that a change to it is seen.
  includes(fileName: string): boolean;
  /// The file's text on disk, as the program read it.
  originalText(fileName: string): string;
  /// The files (absolute paths) the file depends on as on disk, directly or through others, itself
  /// included: a change to any of them can change its errors. A file that declares globals depends
  /// on every file, as TypeScript counts it.
  dependenciesOf(fileName: string): ReadonlySet<string>;
  /// The errors of the program with these files (absolute path → text) replaced, every other file
  /// as on disk.
  check(replaced: ReadonlyMap<string, string>): ts.Diagnostic[];
};

export function createIncrementalTypeCheck(tsconfigFile: string): IncrementalTypeCheck {
  const configErrors: ts.Diagnostic[] = [];
  const config = ts.getParsedCommandLineOfConfigFile(
    path.resolve(tsconfigFile),
    // A mutation check emits nothing and keeps no build info between runs. Code a mutant leaves
    // unused or unreachable still runs, so that is for the tests to judge, not a compile error.
    { noEmit: true, incremental: false, composite: false, allowUnreachableCode: true, noUnusedLocals: false, noUnusedParameters: false },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d) },
  );
  // No config to read at all (a missing file): there is no project to check.
  if (!config) throw new Error(`${tsconfigFile}: ${configErrors.map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`).join('; ')}`);
  configErrors.push(...config.errors);

  const host = ts.createCompilerHost(config.options);
  const readFromDisk = host.getSourceFile.bind(host);
  const onDisk = new Map<string, ts.SourceFile | undefined>();
  let replaced: ReadonlyMap<string, string> = new Map();
  let changes = 0;
  // The builder tells a changed file from an unchanged one by its version: a file as on disk is
  // always version "disk"; replaced text gets a new version each time.
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = replaced.get(path.resolve(fileName));
    if (text !== undefined) return withVersion(ts.createSourceFile(fileName, text, languageVersion), `change ${++changes}`);
    if (!onDisk.has(fileName)) {
      const file = readFromDisk(fileName, languageVersion, onError, shouldCreate);
      onDisk.set(fileName, file && withVersion(file, 'disk'));
    }
    return onDisk.get(fileName);
  };

  const build = (old?: ts.SemanticDiagnosticsBuilderProgram) =>
    ts.createSemanticDiagnosticsBuilderProgram(config.fileNames, config.options, host, old, config.errors, config.projectReferences);
  let builder = build();
  const program = builder.getProgram();
  const initialErrors = [
    ...configErrors,
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...builder.getSyntacticDiagnostics(),
    ...builder.getSemanticDiagnostics(),
  ];
  const inProgram = new Set(program.getSourceFiles().map((f) => path.resolve(f.fileName)));
  // Read now, from the program as on disk: a later build may release this one's state.
  const dependencies = new Map<string, ReadonlySet<string>>();
  for (const file of program.getSourceFiles()) {
    if (!file.isDeclarationFile) dependencies.set(path.resolve(file.fileName), new Set(builder.getAllDependencies(file).map((f) => path.resolve(f))));
  }

  return {
    initialErrors,
    includes: (fileName) => inProgram.has(path.resolve(fileName)),
    originalText(fileName) {
      const file = program.getSourceFile(fileName);
      if (!file) throw new Error(`not part of the TypeScript program of ${tsconfigFile}: ${fileName}`);
      return file.text;
    },
    dependenciesOf: (fileName) => dependencies.get(path.resolve(fileName)) ?? new Set([path.resolve(fileName)]),
    check(next) {
      // Files replaced last time and not now go back to their text on disk; the builder sees
      // their version change and checks them again along with the new ones.
      replaced = new Map([...next].map(([name, text]) => [path.resolve(name), text]));
      builder = build(builder);
      const syntax = [...replaced.keys()].flatMap((name) => {
        const file = builder.getSourceFile(name);
        return file ? builder.getSyntacticDiagnostics(file) : [];
      });
      // Checks the affected files and returns every file's errors, the others from the results held.
      return [...syntax, ...builder.getSemanticDiagnostics()];
    },
  };
}

function withVersion(file: ts.SourceFile, version: string): ts.SourceFile {
  // `version` is how a builder program tells files apart; the compiler API leaves it to the host.
  (file as ts.SourceFile & { version: string }).version = version;
  return file;
}
