// Small external registries some SCO properties refer to (HTTP request headers, socket options,
// PDF Document Information keys, common IANA character sets). Lists of names, i.e. facts.

export const HTTP_REQUEST_HEADERS: readonly string[] = [
  'A-IM', 'Accept', 'Accept-Charset', 'Accept-Datetime', 'Accept-Encoding', 'Accept-Language',
  'Access-Control-Request-Method', 'Access-Control-Request-Headers', 'Authorization', 'Cache-Control',
  'Connection', 'Content-Encoding', 'Content-Length', 'Content-MD5', 'Content-Type', 'Cookie', 'Date', 'Expect',
  'Forwarded', 'From', 'Host', 'HTTP2-Settings', 'If-Match', 'If-Modified-Since', 'If-None-Match', 'If-Range',
  'If-Unmodified-Since', 'Max-Forwards', 'Origin', 'Pragma', 'Prefer', 'Proxy-Authorization', 'Range', 'Referer',
  'TE', 'Trailer', 'Transfer-Encoding', 'User-Agent', 'Upgrade', 'Via', 'Warning', 'Upgrade-Insecure-Requests',
  'X-Requested-With', 'DNT', 'X-Forwarded-For', 'X-Forwarded-Host', 'X-Forwarded-Proto', 'Front-End-Https',
  'X-Http-Method-Override', 'X-ATT-DeviceId', 'X-Wap-Profile', 'Proxy-Connection', 'X-UIDH', 'X-Csrf-Token',
  'X-Request-ID', 'X-Correlation-ID', 'Save-Data',
];

const SO = ['ACCEPTCONN', 'ATTACH_BPF', 'ATTACH_FILTER', 'ATTACH_REUSEPORT_CBPF', 'BINDTODEVICE', 'BROADCAST', 'BSDCOMPAT',
  'BSP_STATE', 'BUSY_POLL', 'CONDITIONAL_ACCEPT', 'CONFIRM_NAME', 'CONNDATA', 'CONNDATALEN', 'CONNECT_TIME', 'CONNOPT',
  'CONNOPTLEN', 'DEBUG', 'DEREGISTER_NAME', 'DETACH_FILTER', 'DISCDATA', 'DISCDATALEN', 'DISCOPT', 'DISCOPTLEN', 'DOMAIN',
  'DONTLINGER', 'DONTROUTE', 'ERROR', 'EXCLUSIVEADDRUSE', 'GETLOCALZONES', 'GETMYZONE', 'GETNETINFO', 'GETZONELIST',
  'GROUP_ID', 'GROUP_PRIORITY', 'INCOMING_CPU', 'KEEPALIVE', 'LINGER', 'LOOKUP_MYZONE', 'LOOKUP_NAME',
  'LOOKUP_NETDEF_ON_ADAPTER', 'LOOKUP_ZONES', 'LOOKUP_ZONES_ON_ADAPTER', 'MARK', 'MAX_MSG_SIZE', 'MAXDG', 'MAXPATHDG',
  'OOBINLINE', 'OPENTYPE', 'PAP_GET_SERVER_STATUS', 'PAP_PRIME_READ', 'PAP_SET_SERVER_STATUS', 'PASSCRED', 'PASSSEC',
  'PAUSE_ACCEPT', 'PEEK_OFF', 'PEERCRED', 'PORT_SCALABILITY', 'PRIORITY', 'PROTOCOL', 'PROTOCOL_INFO', 'PROTOCOL_INFOA',
  'PROTOCOL_INFOW', 'RANDOMIZE_PORT', 'RCVBUF', 'RCVBUFFORCE', 'RCVLOWAT', 'RCVTIMEO', 'REGISTER_NAME', 'REMOVE_NAME',
  'REUSE_MULTICASTPORT', 'REUSE_UNICASTPORT', 'REUSEADDR', 'REUSEPORT', 'RXQ_OVFL', 'SNDBUF', 'SNDBUFFORCE', 'SNDLOWAT',
  'SNDTIMEO', 'TIMESTAMP', 'TYPE', 'UPDATE_ACCEPT_CONTEXT', 'UPDATE_CONNECT_CONTEXT', 'USELOOPBACK'].map((s) => `SO_${s}`);
const IP = ['ADD_MEMBERSHIP', 'ADD_SOURCE_MEMBERSHIP', 'BIND_ADDRESS_NO_PORT', 'BLOCK_SOURCE', 'DONTFRAGMENT',
  'DROP_MEMBERSHIP', 'DROP_SOURCE_MEMBERSHIP', 'FREEBIND', 'HDRINCL', 'MSFILTER', 'MTU', 'MTU_DISCOVER', 'MULTICAST_ALL',
  'MULTICAST_IF', 'MULTICAST_LOOP', 'MULTICAST_TTL', 'NODEFRAG', 'OPTIONS', 'ORIGINAL_ARRIVAL_IF', 'PKTINFO',
  'RECEIVE_BROADCAST', 'RECVDSTADDR', 'RECVERR', 'RECVIF', 'RECVOPTS', 'RECVORIGDSTADDR', 'RECVTOS', 'RECVTTL', 'RETOPTS',
  'ROUTER_ALERT', 'TOS', 'TRANSPARENT', 'TTL', 'UNBLOCK_SOURCE', 'UNICAST_IF', 'WFP_REDIRECT_CONTEXT',
  'WFP_REDIRECT_RECORDS'].map((s) => `IP_${s}`);
const IPV6 = ['ADD_MEMBERSHIP', 'CHECKSUM', 'DONTFRAG', 'DROP_MEMBERSHIP', 'DSTOPTS', 'HDRINCL', 'HOPLIMIT', 'HOPOPTS',
  'JOIN_GROUP', 'LEAVE_GROUP', 'MTU', 'MTU_DISCOVER', 'MULTICAST_HOPS', 'MULTICAST_IF', 'MULTICAST_LOOP', 'NEXTHOP',
  'PATHMTU', 'PKTINFO', 'PROTECTION_LEVEL', 'RECVDSTOPTS', 'RECVHOPLIMIT', 'RECVHOPOPTS', 'RECVIF', 'RECVPATHMTU',
  'RECVPKTINFO', 'RECVRTHDR', 'RECVTCLASS', 'RTHDR', 'TCLASS', 'UNICAST_HOPS', 'UNICAST_IF', 'USE_MIN_MTU',
  'V6ONLY'].map((s) => `IPV6_${s}`);
const IRLMP = ['9WIRE_MODE', 'DISCOVERY_MODE', 'ENUMDEVICES', 'EXCLUSIVE_MODE', 'IAS_QUERY', 'IAS_SET', 'IRLPT_MODE',
  'PARAMETERS', 'SEND_PDU_LEN', 'SHARP_MODE', 'TINYTP_MODE'].map((s) => `IRLMP_${s}`);
const MCAST = ['BLOCK_SOURCE', 'JOIN_GROUP', 'JOIN_SOURCE_GROUP', 'LEAVE_GROUP', 'LEAVE_SOURCE_GROUP',
  'UNBLOCK_SOURCE'].map((s) => `MCAST_${s}`);
const TCP = ['BSDURGENT', 'CONGESTION', 'CORK', 'DEFER_ACCEPT', 'EXPEDITED_1122', 'FASTOPEN', 'INFO', 'KEEPCNT',
  'KEEPIDLE', 'KEEPINTVL', 'LINGER2', 'MAXRT', 'MAXSEG', 'NODELAY', 'QUICKACK', 'SYNCNT', 'TIMESTAMPS', 'USER_TIMEOUT',
  'WINDOW_CLAMP'].map((s) => `TCP_${s}`);

/** Socket option names (SO_, IP_, IPV6_, IRLMP_, MCAST_, TCP_ and ICMP6_FILTER). */
export const SOCKET_OPTIONS: readonly string[] = [...SO, ...IP, ...IPV6, ...IRLMP, ...MCAST, ...TCP, 'ICMP6_FILTER'];

/** PDF Document Information Dictionary keys (ISO 32000-1, 14.3.3). */
export const PDF_DOC_INFO_KEYS: readonly string[] = ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer', 'CreationDate', 'ModDate', 'Trapped'];

/** Commonly used IANA character set names (families such as ISO-8859-n are matched by pattern). */
export const IANA_CHARSETS: readonly string[] = [
  'US-ASCII', 'ASCII', 'UTF-8', 'UTF-16', 'UTF-16BE', 'UTF-16LE', 'UTF-32', 'UTF-32BE', 'UTF-32LE', 'UTF-7',
  'KOI8-R', 'KOI8-U', 'Shift_JIS', 'EUC-JP', 'ISO-2022-JP', 'ISO-2022-JP-2', 'EUC-KR', 'ISO-2022-KR', 'GB2312', 'GBK',
  'GB18030', 'Big5', 'Big5-HKSCS', 'ISO-2022-CN', 'ISO-2022-CN-EXT', 'TIS-620', 'macintosh', 'IBM437', 'IBM850',
  'IBM852', 'IBM866', 'CESU-8', 'SCSU', 'BOCU-1', 'HZ-GB-2312', 'VISCII', 'windows-31J', 'csUnicode', 'ISO-10646-UCS-2',
  'ISO-10646-UCS-4', 'UNICODE-1-1', 'latin1',
];
