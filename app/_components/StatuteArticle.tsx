/// One 条 set like a printed statute: the label in a heavier weight opening the first 款, further
/// 款 indented, 项 hanging-indented under their 款.
export type StatuteArticleProps = {
  eid: string;
  label: string;
  paragraphs: { text: string; items: { label: string; text: string }[] }[];
};

export function StatuteArticle({ eid, label, paragraphs }: StatuteArticleProps) {
  return (
    <article id={eid} className="statute-article">
      {paragraphs.map((p, i) => (
        <div key={i} className="statute-paragraph">
          <p>
            {i === 0 && <span className="article-label">{label}</span>}
            {p.text}
          </p>
          {p.items.length > 0 && (
            <ol className="statute-items">
              {p.items.map((item) => (
                <li key={item.label}>
                  <span className="item-label">{item.label}</span>
                  {item.text}
                </li>
              ))}
            </ol>
          )}
        </div>
      ))}
    </article>
  );
}
