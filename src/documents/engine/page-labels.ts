/** A chunk's page span with the printed labels of its first and last pages (all a chunk stores). */
export interface LabelledSpan {
  pageStart: number;
  pageEnd: number;
  pageLabelStart?: string | null;
  pageLabelEnd?: string | null;
}

const number = (label: string | null | undefined) => (label && /^\d+$/.test(label) ? Number(label) : null);

/**
 * The printed label of a page of a chunk. The ends are stored; a page between them is counted from an
 * arabic end ("7" two pages before "9"), from the first page when both ends agree on the count or only it
 * is a number, else from the last ("i" then "2": the page before "2" is "1"). When nothing fits (roman
 * numerals both ends, a count below 1), the physical number stands in.
 */
export function labelOfPage(span: LabelledSpan, page: number): string {
  if (page === span.pageStart && span.pageLabelStart) return span.pageLabelStart;
  if (page === span.pageEnd && span.pageLabelEnd) return span.pageLabelEnd;
  const first = number(span.pageLabelStart);
  const last = number(span.pageLabelEnd);
  const fromFirst = first === null ? null : first + (page - span.pageStart);
  const fromLast = last === null ? null : last - (span.pageEnd - page);
  if (fromFirst !== null && (fromLast === null || fromLast === fromFirst)) return String(fromFirst);
  if (fromFirst === null && fromLast !== null && fromLast >= 1) return String(fromLast);
  return String(page);
}
