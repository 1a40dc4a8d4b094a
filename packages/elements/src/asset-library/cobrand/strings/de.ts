import type { CoBrandStrings } from './en.js';

export default {
  title: (asset: string) => `Co-Branding: ${asset}`,
  loading: 'Die Vorlage wird geladen …',
  preview: (asset: string) => `Vorschau von ${asset} mit Ihren Angaben`,
  page: (page: number) => `Seite ${page}, mit Ihren Angaben dort, wo sie gedruckt werden`,
  details: 'Ihre Angaben in dieser Datei',
  detailsHint: 'Änderungen gelten nur für diesen Download. Lassen Sie ein Feld leer, um es wegzulassen.',
  fields: {
    partner_name: 'Firmenname',
    contact_name: 'Ansprechpartner',
    contact_email: 'E-Mail',
    contact_phone: 'Telefon',
    website: 'Website',
  },
  logoMissing: 'Ihr Logo konnte nicht geladen werden; an seiner Stelle steht Ihr Firmenname.',
  noLogo: 'Für Sie ist kein Logo hinterlegt; an seiner Stelle steht Ihr Firmenname.',
  download: (format: string) => `${format} herunterladen`,
  preparing: 'Wird vorbereitet …',
  close: 'Schließen',
  downloaded: (file: string) => `${file}: Download gestartet.`,
  blocked:
    'Diese Seite lässt die Vorschau von Vorlagen nicht zu. Die Administration der Website kann sie freischalten.',
  unusable:
    'Diese Vorlage kann nicht angezeigt werden. Bitten Sie den Hersteller um eine korrigierte Fassung.',
} satisfies CoBrandStrings;
