import { createApp } from 'vue';
import PartnerPortal from './PartnerPortal.vue';

/** Asks your own server for a partner session token; the components call it again on expiry. */
async function fetchToken(): Promise<string> {
  const res = await fetch('/partner-portal/session', { method: 'POST' });
  if (!res.ok) throw new Error(`session: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

createApp(PartnerPortal, { baseUrl: 'https://partners.example.com', fetchToken }).mount('#app');
