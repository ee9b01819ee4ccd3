/**
 * The initial content of an AMI's text document, as a Yjs update.
 *
 * The browser edits this document with Tiptap (StarterKit + Collaboration), which keeps the
 * ProseMirror tree in one Y.XmlFragment through y-prosemirror. Only the server seeds it, once,
 * when the AMI is created: if every client that finds an empty document seeded it, two clients
 * opening it at the same time would each insert the template and the merge would hold it twice.
 */
import * as Y from 'yjs';

/** The Y.XmlFragment name Tiptap's Collaboration extension binds to (its `field` option). */
export const AMI_TEXT_FIELD = 'default';

export interface AmiTextSection {
  readonly title: string;
  /** Shown as the section's first paragraph, for the author to replace with the real text. */
  readonly prompt: string;
}

export const AMI_TEXT_SECTIONS: readonly AmiTextSection[] = Object.freeze([
  {
    title: 'Contexte',
    prompt:
      "Présentez la situation qui motive l'appel : besoins des territoires des Hauts-de-France, retours d'expérience déjà disponibles et place de ces actions test dans le programme FEDER.",
  },
  {
    title: 'Objectifs',
    prompt:
      "Énoncez en quelques points ce que l'appel cherche à obtenir et les résultats attendus des actions « tube à essai », de préférence mesurables.",
  },
  {
    title: 'Domaine et défis',
    prompt:
      'Décrivez le domaine visé et les défis concrets que les outils numériques testés (capteurs IoT, données et IA, réalité augmentée) doivent aider à relever.',
  },
  {
    title: 'Bénéficiaires éligibles',
    prompt:
      'Listez les structures qui peuvent candidater (communes, intercommunalités, syndicats mixtes des Hauts-de-France) et précisez les règles de portage et de partenariat.',
  },
  {
    title: 'Expérimentations éligibles et non éligibles',
    prompt:
      "Indiquez quelles expérimentations sont retenues (périmètre, échelle, durée) et lesquelles sont exclues, avec un exemple pour chaque cas.",
  },
  {
    title: 'Dépenses éligibles et plan de financement',
    prompt:
      "Précisez les dépenses éligibles, le taux d'intervention du FEDER, les montants minimal et maximal de l'aide et les règles du plan de financement.",
  },
  {
    title: 'Critères de recevabilité',
    prompt:
      "Énumérez les conditions qu'un dossier doit remplir pour être instruit : éligibilité du porteur, pièces obligatoires, respect de la date limite.",
  },
  {
    title: 'Critères de sélection',
    prompt:
      'Détaillez les critères de notation des dossiers recevables et leur pondération, puis la façon dont le comité de sélection se prononce.',
  },
  {
    title: 'Accompagnement (ateliers tutorés)',
    prompt:
      'Décrivez les ateliers tutorés proposés aux lauréats : thèmes, rythme, intervenants et participation attendue des équipes.',
  },
  {
    title: 'Calendrier',
    prompt:
      "Donnez les dates clés : ouverture de l'appel, réunion d'information, date limite de dépôt, annonce des lauréats, début et fin des expérimentations.",
  },
  {
    title: 'Modalités de candidature',
    prompt:
      "Expliquez comment déposer un dossier (plateforme, format, pièces à joindre) et à qui poser ses questions pendant l'appel.",
  },
  {
    title: 'Engagements du lauréat (évaluation, partage des résultats, publicité européenne)',
    prompt:
      "Précisez les engagements du lauréat : indicateurs et évaluation de l'expérimentation, partage des résultats avec les autres territoires et mention du soutien de l'Union européenne.",
  },
  {
    title: 'Contacts',
    prompt: 'Indiquez les services et les interlocuteurs à joindre pour toute question, avec leurs coordonnées.',
  },
]);

export interface AmiTextInput {
  readonly title: string;
  readonly domainName: string;
}

/**
 * A Yjs v1 update holding the template for a new AMI, to be stored as the document's first
 * update. Each call uses a fresh random client id: apply one result per document, never two
 * results of separate calls (they would both be kept, and the template would appear twice).
 */
export function amiTextInitialUpdate(input: AmiTextInput): Uint8Array {
  const doc = new Y.Doc();
  try {
    const blocks: Y.XmlElement[] = [
      heading(1, input.title),
      paragraph(`Domaine : ${input.domainName}`),
      ...AMI_TEXT_SECTIONS.flatMap((section) => [heading(2, section.title), paragraph(section.prompt)]),
    ];
    doc.transact(() => {
      doc.getXmlFragment(AMI_TEXT_FIELD).insert(0, blocks);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** The text of every heading of the document, in order, whatever its level. */
export function amiTextOutline(update: Uint8Array): string[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    const outline: string[] = [];
    for (const node of doc.getXmlFragment(AMI_TEXT_FIELD).toArray()) {
      if (node instanceof Y.XmlElement && node.nodeName === 'heading') outline.push(plainText(node));
    }
    return outline;
  } finally {
    doc.destroy();
  }
}

/**
 * y-prosemirror stores a node's attributes as they are in ProseMirror, skipping null ones:
 * `level` must stay a number, since Tiptap's heading checks it with `levels.includes` and would
 * render a string "2" as an h1. A run of text nodes becomes one Y.XmlText child, and an empty
 * node has no child at all (ProseMirror forbids empty text nodes).
 */
function heading(level: 1 | 2, text: string): Y.XmlElement {
  const element = new Y.XmlElement<{ level: number }>('heading');
  element.setAttribute('level', level);
  appendText(element, text);
  // Yjs types `XmlFragment.insert` for string-valued attributes only; the stored value is any JSON.
  return element as unknown as Y.XmlElement;
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  appendText(element, text);
  return element;
}

function appendText(element: Y.XmlFragment, text: string): void {
  // A title typed in a form may carry a newline or a run of spaces, which a heading cannot show.
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return;
  const yText = new Y.XmlText();
  yText.insert(0, clean);
  element.insert(0, [yText]);
}

/** Joins the text runs, ignoring marks (toString would spell them as XML tags). */
function plainText(element: Y.XmlElement): string {
  let text = '';
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    for (const op of child.toDelta() as { insert?: unknown }[]) {
      if (typeof op.insert === 'string') text += op.insert;
    }
  }
  return text;
}
