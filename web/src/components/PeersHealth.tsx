// Federation at a glance for a node-admin (GET /api/v1/peers/status): per peer and subscription,
// which way it goes, how far behind it is (objects and time), when it last succeeded and its last
// error. A node without federation answers 404 and the section is left out.
import { useTranslation } from 'react-i18next';
import { RequestFailed, request } from '../api.js';
import { formatNumber, formatTimestamp } from '../format.js';
import type { Viewer } from '../session.js';
import { useLoad } from '../use-load.js';
import { LoadStatus } from './Status.js';

interface SubscriptionStatus {
  readonly id: string;
  readonly direction: 'push' | 'pull';
  readonly local: string;
  readonly remote: string;
  readonly lagObjects: number | null;
  readonly lagSeconds: number | null;
  readonly lastSuccessAt: string | null;
  readonly lastError: string | null;
}
interface PeerStatus {
  readonly id: string;
  readonly name: string;
  readonly orgId: string;
  readonly quarantined: number;
  readonly subscriptions: readonly SubscriptionStatus[];
}

export function PeersHealth(props: { readonly viewer: Viewer }) {
  const { t, i18n } = useTranslation();
  const { viewer } = props;
  const [peers] = useLoad(async () => {
    try {
      return (await request<{ peers: PeerStatus[] }>(viewer.credentials, '/api/v1/peers/status')).peers;
    } catch (error) {
      if (error instanceof RequestFailed && error.status === 404) return undefined;
      throw error;
    }
  }, [viewer]);
  if (peers.state === 'ready' && peers.value === undefined) return null;
  const number = (n: number | null) => (n === null ? '—' : formatNumber(n, i18n.language));
  return (
    <section aria-labelledby="peers-heading">
      <h2 id="peers-heading">{t('dashboard.peers')}</h2>
      <LoadStatus load={peers} />
      {peers.state === 'ready' && peers.value?.length === 0 ? <p className="muted">{t('dashboard.noPeers')}</p> : null}
      {peers.state === 'ready' && peers.value !== undefined && peers.value.length > 0 ? (
        <table className="objects" data-testid="peers">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.peer')}</th>
              <th scope="col">{t('dashboard.direction')}</th>
              <th scope="col">{t('dashboard.lagObjects')}</th>
              <th scope="col">{t('dashboard.lagSeconds')}</th>
              <th scope="col">{t('dashboard.lastSuccess')}</th>
              <th scope="col">{t('dashboard.lastError')}</th>
            </tr>
          </thead>
          <tbody>
            {peers.value.flatMap((peer) =>
              peer.subscriptions.map((s) => (
                <tr key={s.id}>
                  <td>
                    <strong>{peer.name}</strong> <code>{peer.orgId}</code>
                    {peer.quarantined > 0 ? <span className="pill">{t('dashboard.quarantined', { n: number(peer.quarantined) })}</span> : null}
                  </td>
                  <td>
                    {s.direction === 'push' ? t('dashboard.push') : t('dashboard.pull')} <code>{s.local}</code> {s.direction === 'push' ? '→' : '←'} <code>{s.remote}</code>
                  </td>
                  <td>{number(s.lagObjects)}</td>
                  <td>{number(s.lagSeconds === null ? null : Math.round(s.lagSeconds))}</td>
                  <td>{s.lastSuccessAt === null ? t('dashboard.never') : formatTimestamp(s.lastSuccessAt, i18n.language)}</td>
                  <td className={s.lastError === null ? 'muted' : 'error'}>{s.lastError ?? t('value.none')}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
