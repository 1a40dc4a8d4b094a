/** Strings of the co-branding dialog of `<pk-asset-library>` (loaded when a template is opened). */
const en = {
  title: (asset: string) => `Co-brand: ${asset}`,
  loading: 'Loading the template…',
  preview: (asset: string) => `Preview of ${asset} with your details`,
  page: (page: number) => `Page ${page}, with your details where they will be printed`,
  details: 'Your details on this file',
  detailsHint: 'Changes apply to this download only. Leave a field empty to leave it out.',
  fields: {
    partner_name: 'Company name',
    contact_name: 'Contact name',
    contact_email: 'Email',
    contact_phone: 'Phone',
    website: 'Website',
  },
  logoMissing: 'Your logo could not be loaded, so your company name stands in its place.',
  noLogo: 'You have no logo on file, so your company name stands in its place.',
  download: (format: string) => `Download ${format}`,
  preparing: 'Preparing…',
  close: 'Close',
  downloaded: (file: string) => `${file}: download started.`,
  blocked: 'This page does not allow the preview of templates. Its site administrator can turn it on.',
  unusable: 'This template cannot be previewed. Ask the vendor for a corrected version.',
};

export type CoBrandStrings = typeof en;
export default en;
