/**
 * The board templates of the workshops (PRODUCT.md, « Board templates »): each is one frame,
 * titled in French, holding child frames, titles and prompt stickies laid out on a grid. The
 * prompts are questions the participants answer by editing or adding stickies. Arrows belong to
 * no frame (they follow what they join, or lie inside the frame), so moving the frame carries them.
 */
import type { Box } from './geometry.ts';
import type { Shape, StickyColor } from './schema.ts';
import { templateBuilder, type TemplateBuilder, type TemplateInput } from './template-builder.ts';

/** Margin inside a frame, and the band at its top left to its own title. */
const PAD = 40;
const TITLE_BAND = 80;
const GAP = 40;
/** A child frame's title band and the prompt sticky under it. */
const CHILD_TITLE_BAND = 60;
const PROMPT = { w: 240, h: 200 };

interface Prompt {
  text: string;
  color: StickyColor;
}

/** A titled child frame with one prompt sticky in its top-left corner. */
function promptFrame(build: TemplateBuilder, parent: string, title: string, box: Box, prompt: Prompt): string {
  const id = build.frame(title, box, parent);
  build.sticky(prompt.text, { x: box.x + PAD / 2, y: box.y + CHILD_TITLE_BAND, ...PROMPT }, id, prompt.color);
  return id;
}

const FICHE_SECTIONS: readonly { title: string; prompts: readonly Prompt[] }[] = [
  { title: 'Défi', prompts: [{ text: 'Quel problème concret votre territoire veut-il résoudre ? Pour qui ?', color: 'jaune' }] },
  { title: 'Solutions existantes', prompts: [{ text: "Qu'est-ce qui existe déjà, ici ou ailleurs ? Avec quels résultats ?", color: 'jaune' }] },
  { title: 'Situation idéale', prompts: [{ text: 'À quoi ressemblerait le territoire si le défi était relevé ?', color: 'jaune' }] },
  { title: 'Objectif', prompts: [{ text: "Que voulez-vous démontrer par l'expérimentation, et d'ici quand ?", color: 'jaune' }] },
  { title: 'Usagers et bénéficiaires', prompts: [{ text: 'Qui utilisera la solution ? Qui en bénéficiera ?', color: 'jaune' }] },
  { title: 'Capteurs et données', prompts: [{ text: 'Quels capteurs, quelles données ? Qui les détient, comment circulent-elles ?', color: 'bleu' }] },
  {
    title: 'Ce qui aide / ce qui freine',
    prompts: [
      { text: 'Ce qui aide : compétences, partenaires, équipements déjà là…', color: 'vert' },
      { text: 'Ce qui freine : budget, juridique (RGPD), organisation…', color: 'rose' },
    ],
  },
  { title: 'Indicateurs de réussite', prompts: [{ text: "Comment saurez-vous que l'expérimentation a réussi ? Quels chiffres suivre ?", color: 'jaune' }] },
  { title: 'Budget et calendrier', prompts: [{ text: 'Combien, financé par qui, sur quelle durée ? Quelles grandes étapes ?', color: 'jaune' }] },
  { title: "Conditions d'essaimage", prompts: [{ text: "Que faudrait-il à une autre collectivité pour reproduire l'expérimentation ?", color: 'jaune' }] },
];

/** Fiche expérimentation: one cell per section, a title over its prompt stickies, two columns. */
export function ficheExperimentation(input: TemplateInput): Shape[] {
  const build = templateBuilder(input);
  const cell = { w: 560, h: 300 };
  const columns = 2;
  const rows = Math.ceil(FICHE_SECTIONS.length / columns);
  const sheet = build.frame('Fiche expérimentation', {
    x: 0,
    y: 0,
    w: 2 * PAD + columns * cell.w + (columns - 1) * GAP,
    h: TITLE_BAND + rows * cell.h + (rows - 1) * GAP + PAD,
  });
  FICHE_SECTIONS.forEach((section, index) => {
    const x = PAD + (index % columns) * (cell.w + GAP);
    const y = TITLE_BAND + Math.floor(index / columns) * (cell.h + GAP);
    build.text(section.title, { x, y, w: cell.w, h: 40 }, sheet, 24);
    const stickyGap = 20;
    const w = (cell.w - stickyGap * (section.prompts.length - 1)) / section.prompts.length;
    section.prompts.forEach((prompt, i) => {
      build.sticky(prompt.text, { x: x + i * (w + stickyGap), y: y + 56, w, h: 220 }, sheet, prompt.color);
    });
  });
  return build.shapes();
}

const SWOT_QUADRANTS: readonly { title: string; prompt: Prompt }[] = [
  { title: 'Forces', prompt: { text: 'Sur quels atouts internes pouvez-vous vous appuyer ?', color: 'vert' } },
  { title: 'Faiblesses', prompt: { text: 'Quelles limites internes pourraient freiner le projet ?', color: 'rose' } },
  { title: 'Opportunités', prompt: { text: 'Quels facteurs extérieurs favorables saisir ?', color: 'bleu' } },
  { title: 'Menaces', prompt: { text: 'Quels risques extérieurs anticiper ?', color: 'orange' } },
];

/** SWOT: four quadrants, internal factors on top, external ones below. */
export function swot(input: TemplateInput): Shape[] {
  const build = templateBuilder(input);
  const quadrant = { w: 600, h: 440 };
  const matrix = build.frame('SWOT', { x: 0, y: 0, w: 2 * PAD + 2 * quadrant.w + GAP, h: TITLE_BAND + 2 * quadrant.h + GAP + PAD });
  SWOT_QUADRANTS.forEach(({ title, prompt }, index) => {
    const x = PAD + (index % 2) * (quadrant.w + GAP);
    const y = TITLE_BAND + Math.floor(index / 2) * (quadrant.h + GAP);
    promptFrame(build, matrix, title, { x, y, ...quadrant }, prompt);
  });
  return build.shapes();
}

const IMPACT_EFFORT_QUADRANTS: readonly { title: string; hint: string }[] = [
  { title: 'Gains rapides', hint: 'Impact fort, effort faible : à lancer en premier.' },
  { title: 'Projets majeurs', hint: 'Impact fort, effort élevé : à planifier.' },
  { title: 'Petites améliorations', hint: 'Impact faible, effort faible : si le temps le permet.' },
  { title: 'À éviter', hint: 'Impact faible, effort élevé : à écarter ou repenser.' },
];

/** Matrice impact / effort: 2×2 with the impact axis upward on the left, effort rightward below. */
export function matriceImpactEffort(input: TemplateInput): Shape[] {
  const build = templateBuilder(input);
  const quadrant = { w: 520, h: 400 };
  const axis = 80;
  const intro = 60;
  const grid = { x: PAD + axis, y: TITLE_BAND + intro, w: 2 * quadrant.w + GAP, h: 2 * quadrant.h + GAP };
  const matrix = build.frame('Matrice impact / effort', {
    x: 0,
    y: 0,
    w: grid.x + grid.w + PAD,
    h: grid.y + grid.h + axis + PAD,
  });
  build.text("Placez chaque idée selon l'impact attendu et l'effort qu'elle demande.", { x: grid.x, y: TITLE_BAND, w: grid.w, h: 40 }, matrix);
  IMPACT_EFFORT_QUADRANTS.forEach(({ title, hint }, index) => {
    const x = grid.x + (index % 2) * (quadrant.w + GAP);
    const y = grid.y + Math.floor(index / 2) * (quadrant.h + GAP);
    const id = build.frame(title, { x, y, w: quadrant.w, h: quadrant.h }, matrix);
    build.text(hint, { x: x + PAD / 2, y: y + CHILD_TITLE_BAND, w: quadrant.w - PAD, h: 30 }, id, 16);
  });
  const bottom = grid.y + grid.h;
  build.arrow({ x: PAD + axis / 2, y: bottom }, { x: PAD + axis / 2, y: grid.y }, 'Impact');
  build.arrow({ x: grid.x, y: bottom + axis / 2 }, { x: grid.x + grid.w, y: bottom + axis / 2 }, 'Effort');
  return build.shapes();
}

const STAKEHOLDERS: readonly { title: string; prompt: Prompt }[] = [
  { title: 'Élus', prompt: { text: 'Quels élus portent le projet ? Qui décide ?', color: 'violet' } },
  { title: 'Services', prompt: { text: 'Quels services sont concernés : technique, informatique, juridique, achats ?', color: 'bleu' } },
  { title: 'Délégataire', prompt: { text: 'Un délégataire ou un exploitant gère-t-il le service ? Quel sera son rôle ?', color: 'orange' } },
  { title: 'Usagers', prompt: { text: 'Quels usagers sont touchés ? Comment les associer ?', color: 'jaune' } },
  { title: 'Experts', prompt: { text: 'Quels experts peuvent vous accompagner, numérique ou métier ?', color: 'vert' } },
  { title: 'Financeurs', prompt: { text: 'Qui finance : FEDER, Région, collectivité, partenaires ?', color: 'rose' } },
];

/** Carte des acteurs: one group per stakeholder family, three by two. */
export function carteDesActeurs(input: TemplateInput): Shape[] {
  const build = templateBuilder(input);
  const group = { w: 440, h: 360 };
  const columns = 3;
  const map = build.frame('Carte des acteurs', {
    x: 0,
    y: 0,
    w: 2 * PAD + columns * group.w + (columns - 1) * GAP,
    h: TITLE_BAND + 2 * group.h + GAP + PAD,
  });
  STAKEHOLDERS.forEach(({ title, prompt }, index) => {
    const x = PAD + (index % columns) * (group.w + GAP);
    const y = TITLE_BAND + Math.floor(index / columns) * (group.h + GAP);
    promptFrame(build, map, title, { x, y, ...group }, prompt);
  });
  return build.shapes();
}

const PHASES: readonly { title: string; prompt: Prompt }[] = [
  { title: '1. Préparer', prompt: { text: 'Équipe, partenaires, cadre juridique (RGPD), marché public…', color: 'jaune' } },
  { title: '2. Installer les capteurs', prompt: { text: 'Où, combien, sur quel réseau (LoRaWAN…) ? Qui installe ?', color: 'bleu' } },
  { title: '3. Expérimenter', prompt: { text: 'Durée, périmètre, suivi au quotidien, retours des agents…', color: 'vert' } },
  { title: '4. Évaluer', prompt: { text: 'Indicateurs mesurés, avis des usagers, coûts réels…', color: 'orange' } },
  { title: '5. Essaimer', prompt: { text: 'Documenter, partager les résultats : qui pourrait reproduire ?', color: 'violet' } },
];

/** Feuille de route: the phases left to right, each joined to the next by an arrow. */
export function feuilleDeRoute(input: TemplateInput): Shape[] {
  const build = templateBuilder(input);
  const phase = { w: 360, h: 420 };
  const arrowGap = 120;
  const road = build.frame('Feuille de route', {
    x: 0,
    y: 0,
    w: 2 * PAD + PHASES.length * phase.w + (PHASES.length - 1) * arrowGap,
    h: TITLE_BAND + phase.h + PAD,
  });
  const ids = PHASES.map(({ title, prompt }, index) =>
    promptFrame(build, road, title, { x: PAD + index * (phase.w + arrowGap), y: TITLE_BAND, ...phase }, prompt),
  );
  ids.slice(1).forEach((id, index) => {
    build.arrow({ shapeId: ids[index] as string, ax: 1, ay: 0.5 }, { shapeId: id, ax: 0, ay: 0.5 });
  });
  return build.shapes();
}

export const BOARD_TEMPLATES = [
  { id: 'fiche-experimentation', label: 'Fiche expérimentation', build: ficheExperimentation },
  { id: 'carte-des-acteurs', label: 'Carte des acteurs', build: carteDesActeurs },
  { id: 'matrice-impact-effort', label: 'Matrice impact / effort', build: matriceImpactEffort },
  { id: 'swot', label: 'SWOT', build: swot },
  { id: 'feuille-de-route', label: 'Feuille de route', build: feuilleDeRoute },
] as const satisfies readonly { id: string; label: string; build: (input: TemplateInput) => Shape[] }[];

export type BoardTemplateId = (typeof BOARD_TEMPLATES)[number]['id'];
