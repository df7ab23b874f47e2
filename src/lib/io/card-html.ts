// Card text as the app shows it, rendered to HTML but not yet sanitised: the app's own marked instance (links open
// without an opener; a stored image becomes <img data-media>, which media-images.ts fills). Pure, so the import worker
// renders a preview's cards here and the page only sanitises them (src/lib/ui/markdown.ts): the first marked run of a
// page, with its regular expressions still cold, is a long task on a phone.
import { cardMarked } from './markdown-dialect';

export const cardMarkdown = cardMarked(' rel="noopener noreferrer" target="_blank"', (id, alt) => `<img alt="${alt}" data-media="${id}">`);

/** Unsanitised HTML of card text; `inline` renders without paragraphs, for one-line texts like options. */
export function cardHtml(text: string, inline = false): string {
  return (inline ? cardMarkdown.parseInline(text) : cardMarkdown.parse(text)) as string;
}

/** A card's two faces as HTML, not yet sanitised. */
export interface FacesHtml {
  front: string;
  back: string;
}
