// Incident types as a const vocabulary: the cyber-incident list of Annexure I to the CERT-In
// Directions of 28 April 2022 (No. 20(3)/2022-CERT-In, under s.70B(6) of the IT Act, 2000), in its
// order, plus the personal-data breach that the privacy laws (DPDP Act 2023 s.8(6), APPI art.26)
// are triggered by. The ids are Setu's short names for the Annexure's twenty entries; the labels
// paraphrase them.
export const INCIDENT_TYPES = [
  'targeted-scanning',
  'critical-system-compromise',
  'unauthorised-access',
  'website-defacement',
  'malicious-code',
  'server-or-network-device-attack',
  'identity-theft-spoofing-phishing',
  'denial-of-service',
  'critical-infrastructure-attack',
  'e-governance-or-e-commerce-attack',
  'data-breach',
  'data-leak',
  'iot-attack',
  'digital-payment-attack',
  'malicious-mobile-app',
  'fake-website',
  'social-media-attack',
  'cloud-attack',
  'ai-ml-attack',
  'big-data-or-blockchain-attack',
  'personal-data-breach',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const INCIDENT_TYPE_LABELS: Readonly<Record<IncidentType, string>> = {
  'targeted-scanning': 'targeted scanning or probing of critical networks or systems',
  'critical-system-compromise': 'compromise of critical systems or information',
  'unauthorised-access': 'unauthorised access to IT systems or data',
  'website-defacement': 'defacement of, or intrusion into, a website (e.g. inserted malicious code or links)',
  'malicious-code': 'malicious code attacks (virus, worm, trojan, bots, spyware, ransomware, cryptominers)',
  'server-or-network-device-attack': 'attacks on servers (database, mail, DNS) and network devices such as routers',
  'identity-theft-spoofing-phishing': 'identity theft, spoofing and phishing attacks',
  'denial-of-service': 'denial of service (DoS) and distributed denial of service (DDoS) attacks',
  'critical-infrastructure-attack': 'attacks on critical infrastructure, SCADA, operational technology and wireless networks',
  'e-governance-or-e-commerce-attack': 'attacks on applications such as e-governance, e-commerce',
  'data-breach': 'data breach',
  'data-leak': 'data leak',
  'iot-attack': 'attacks on Internet of Things devices and associated systems, networks, software, servers',
  'digital-payment-attack': 'attacks or incidents affecting digital payment systems',
  'malicious-mobile-app': 'attacks through malicious mobile apps',
  'fake-website': 'fake mobile apps or websites',
  'social-media-attack': 'unauthorised access to social media accounts',
  'cloud-attack': 'attacks or malicious or suspicious activities affecting cloud computing systems, servers, software, applications',
  'ai-ml-attack': 'attacks or malicious or suspicious activities affecting systems related to artificial intelligence and machine learning',
  'big-data-or-blockchain-attack': 'attacks or suspicious activities affecting big data, blockchain, virtual assets, robotics, 3D/4D printing, drones',
  'personal-data-breach': 'personal-data breach (unauthorised processing, disclosure, loss of access to personal data)',
};

/** The Annexure I entries: every type except the privacy-law trigger. */
export const CERT_IN_ANNEXURE_I: readonly IncidentType[] = INCIDENT_TYPES.filter((t) => t !== 'personal-data-breach');

export function isIncidentType(value: unknown): value is IncidentType {
  return typeof value === 'string' && (INCIDENT_TYPES as readonly string[]).includes(value);
}
