import type { AmendmentDecision } from '@/lib/legal-text';

/// The body of a 修改决定 under its title: the preamble, each numbered clause, then each closing
/// clause (此外，对条文顺序作相应调整。本决定自……起施行。…) as a paragraph of its own.
export function DecisionBody({ decision }: { decision: AmendmentDecision }) {
  const closing = decision.closing ? decision.closing.split('\n') : [];
  return (
    <>
      <p className="decision-preamble">{decision.preamble}</p>
      {decision.clauses.map((clause, i) => (
        <p key={`c${i}`} className="decision-clause">
          {clause}
        </p>
      ))}
      {closing.length > 0 && (
        <div className="decision-closing">
          {closing.map((line, i) => (
            <p key={i} className="decision-close">
              {line}
            </p>
          ))}
        </div>
      )}
    </>
  );
}
