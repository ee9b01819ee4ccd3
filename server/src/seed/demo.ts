import type { AmiRole, BoardKind, OrganisationType } from '@eprouvette/shared';
import { documentName } from '@eprouvette/shared';
import { hashPassword } from '../auth/passwords.ts';
import { amiTextInitialUpdate } from '../documents/ami-text-template.ts';
import { insertAmi } from '../records/amis.ts';
import { insertBoard } from '../records/boards.ts';
import { getDomain } from '../records/domains.ts';
import { setFlagOnce } from '../records/flags.ts';
import { grantMembership } from '../records/memberships.ts';
import { newId } from '../records/new-id.ts';
import { findOrCreateOrganisation } from '../records/organisations.ts';
import { createUser, findUserByEmail } from '../records/users.ts';
import type { Storage } from '../storage/document-store.ts';
import { REGION_ORGANISATION } from './admin.ts';

/** Shared by every demo account, printed at start: these accounts exist to be tried. */
export const DEMO_PASSWORD = 'eprouvette-demo';

export interface DemoAccount {
  email: string;
  name: string;
  role: AmiRole;
  /** What the person does, as printed next to the login. */
  label: string;
  organisation: { name: string; type: OrganisationType };
  platformAdmin?: boolean;
}

const SYNDICAT = { name: 'Syndicat mixte des eaux du Val d’Authie', type: 'syndicat-mixte' } as const;
const COMMUNE = { name: 'Commune de Fontaine-lès-Boulans', type: 'commune' } as const;
const EXPERTS = { name: 'Hydro Conseil Nord', type: 'expert' } as const;

/** One account per role of PRODUCT.md's people. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'cheffe.projet@demo.eprouvette.fr', name: 'Claire Vasseur', role: 'owner', label: 'cheffe de projet à la Région (propriétaire, administratrice de la plateforme)', organisation: REGION_ORGANISATION, platformAdmin: true },
  { email: 'charge.mission@demo.eprouvette.fr', name: 'Julien Lefebvre', role: 'admin', label: 'chargé de mission à la Région (administrateur de l’AMI)', organisation: REGION_ORGANISATION },
  { email: 'agent.syndicat@demo.eprouvette.fr', name: 'Nadia Benali', role: 'editor', label: 'agente du syndicat des eaux (éditrice)', organisation: SYNDICAT },
  { email: 'agent.commune@demo.eprouvette.fr', name: 'Thomas Caron', role: 'editor', label: 'agent de la commune (éditeur)', organisation: COMMUNE },
  { email: 'experte.eau@demo.eprouvette.fr', name: 'Sophie Delattre', role: 'commenter', label: 'experte de l’eau (commentatrice)', organisation: EXPERTS },
  { email: 'elu@demo.eprouvette.fr', name: 'Bernard Dupuis', role: 'reader', label: 'élu de la commune (lecteur)', organisation: COMMUNE },
];

export const DEMO_AMI_TITLE = "Expérimentations numériques – Gestion de l'eau";

const DEMO_BOARDS: readonly { title: string; kind: BoardKind; organisation: { name: string; type: OrganisationType }; restricted: boolean }[] = [
  { title: 'Atelier d’idéation – réseau d’eau potable', kind: 'atelier', organisation: REGION_ORGANISATION, restricted: false },
  { title: 'Capteurs acoustiques de fuites sur le réseau (LoRaWAN)', kind: 'proposition', organisation: SYNDICAT, restricted: true },
  { title: 'Suivi des débits de nuit par secteur et tableau de bord du rendement de réseau', kind: 'proposition', organisation: SYNDICAT, restricted: false },
  { title: 'Télérelève des compteurs et alerte après 48 h de débit continu', kind: 'proposition', organisation: COMMUNE, restricted: true },
  { title: 'Sondes d’humidité du sol pour l’arrosage des espaces verts', kind: 'proposition', organisation: COMMUNE, restricted: false },
];

/**
 * Seeds the demo AMI, its boards and one account per role into an empty database, once ever: a
 * flag in the database is taken first, so neither a restart nor a second server seeds again.
 * Returns whether it seeded.
 */
export async function seedDemo(storage: Storage): Promise<boolean> {
  const { sql, documents } = storage;
  const hasAmi = (await sql.get<{ one: number }>('SELECT 1 AS one FROM amis LIMIT 1')) !== undefined;
  if (hasAmi) {
    await setFlagOnce(sql, 'demo-seeded'); // not an empty database: never seed it later either
    return false;
  }
  if (!(await setFlagOnce(sql, 'demo-seeded'))) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const domain = await getDomain(sql, 'gestion-eau');
  if (domain === null) throw new Error('demo seed: the domain gestion-eau is missing');
  const amiId = newId();
  await documents.append([{ name: documentName({ kind: 'ami-text', amiId }), update: amiTextInitialUpdate({ title: DEMO_AMI_TITLE, domainName: domain.name }) }]);
  const organisations = new Map<string, string>();
  for (const organisation of [REGION_ORGANISATION, SYNDICAT, COMMUNE, EXPERTS]) {
    organisations.set(organisation.name, (await findOrCreateOrganisation(sql, organisation)).id);
  }
  const users: { id: string; role: AmiRole }[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const user =
      (await createUser(sql, {
        email: account.email,
        name: account.name,
        organisationId: organisations.get(account.organisation.name)!,
        passwordHash,
        platformAdmin: account.platformAdmin === true,
      })) ?? (await findUserByEmail(sql, account.email))!;
    users.push({ id: user.id, role: account.role });
  }
  const owner = users[0]!.id;
  await sql.transaction(async (tx) => {
    await insertAmi(
      tx,
      amiId,
      {
        title: DEMO_AMI_TITLE,
        domain: domain.slug,
        dates: { opensOn: '2026-09-15', closesOn: '2026-12-18', endsOn: '2027-12-31' },
        envelopeEuros: 600_000,
        summary:
          'Appel à manifestation d’intérêt pour des actions test « tube à essai » : capteurs acoustiques de fuites, télérelève, suivi des débits de nuit, pilotage du rendement de réseau et arrosage raisonné des espaces verts. Les collectivités lauréates sont accompagnées en ateliers tutorés par des experts.',
        tags: ['capteurs-iot', 'donnees-ia'],
      },
      owner,
    );
    for (const user of users) await grantMembership(tx, { amiId, userId: user.id, role: user.role, invitationId: null });
    await tx.run("UPDATE amis SET status = 'ateliers' WHERE id = ?", [amiId]);
    for (const board of DEMO_BOARDS) {
      await insertBoard(tx, { id: newId(), amiId, title: board.title, kind: board.kind, organisationId: organisations.get(board.organisation.name)!, restricted: board.restricted, createdBy: owner });
    }
  });
  return true;
}
