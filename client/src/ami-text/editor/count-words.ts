/**
 * Words of the text as a French reader counts them: « l’eau » and « Hauts-de-France » are one
 * word, and the punctuation French sets apart with a space (« : », « ? », « » ») is none — which
 * CharacterCount's default, splitting on spaces, would count.
 */
const WORD = /[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
