// A deck's card total as the deck list and the Library say it: totals stop at a cap (db/deck-counts.ts), so a very
// big deck reads "10,000+ cards".
export function cardTotal(count: number, capped = false): string {
  if (capped) return `${count.toLocaleString('en')}+ cards`;
  return `${count} ${count === 1 ? 'card' : 'cards'}`;
}
