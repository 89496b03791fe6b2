/* A stand-in for a vendor VISA library (libvisa.so), built by the tests with the system C compiler.
 * It implements the subset of the VISA C API that Bench's vendor backend binds and forwards every session to a TCP
 * SCPI socket: "TCPIP::host::port::SOCKET" resources directly, other names (GPIB0::22::INSTR, USB0::…) through a map
 * filled with StandinMapResource(). Status codes and attribute IDs are those of shared/protocols/visa.md. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

typedef int32_t ViStatus;
typedef uint32_t ViSession;
typedef uint32_t ViUInt32;
typedef uint32_t ViAttr;
typedef uint64_t ViAttrState;

#define VI_SUCCESS 0
#define VI_SUCCESS_TERM_CHAR 0x3FFF0005
#define VI_SUCCESS_MAX_CNT 0x3FFF0006
#define VI_ERROR_INV_OBJECT ((ViStatus)0xBFFF000E)
#define VI_ERROR_RSRC_NFOUND ((ViStatus)0xBFFF0011)
#define VI_ERROR_INV_RSRC_NAME ((ViStatus)0xBFFF0012)
#define VI_ERROR_TMO ((ViStatus)0xBFFF0015)
#define VI_ERROR_NSUP_ATTR ((ViStatus)0xBFFF001D)
#define VI_ERROR_IO ((ViStatus)0xBFFF003E)
#define VI_ERROR_CONN_LOST ((ViStatus)0xBFFF00A6)

#define VI_ATTR_TMO_VALUE 0x3FFF001A
#define VI_ATTR_TERMCHAR 0x3FFF0018
#define VI_ATTR_TERMCHAR_EN 0x3FFF0038
#define VI_ATTR_SEND_END_EN 0x3FFF0016

#define MAX_SESSIONS 64
#define RM_HANDLE 1
#define FIRST_SESSION 100

struct session {
    int used, fd, timeout_ms, term_en, send_end;
    unsigned char term;
    unsigned char buf[65536];
    int start, end;
};

struct mapping { char name[256]; char host[128]; int port; };

static struct session sessions[MAX_SESSIONS];
static struct mapping map[32];
static int map_count;

int StandinMapResource(const char *name, const char *host, int port) {
    if (map_count >= 32) return -1;
    snprintf(map[map_count].name, sizeof map[map_count].name, "%s", name);
    snprintf(map[map_count].host, sizeof map[map_count].host, "%s", host);
    map[map_count].port = port;
    return map_count++;
}

static struct session *get(ViSession vi) {
    if (vi < FIRST_SESSION || vi >= FIRST_SESSION + MAX_SESSIONS) return NULL;
    struct session *s = &sessions[vi - FIRST_SESSION];
    return s->used ? s : NULL;
}

ViStatus viOpenDefaultRM(ViSession *rm) { *rm = RM_HANDLE; return VI_SUCCESS; }

static int parse_socket(const char *name, char *host, size_t hostlen, int *port) {
    /* TCPIP[board]::host::port::SOCKET */
    const char *p = strstr(name, "::");
    if (strncasecmp(name, "TCPIP", 5) != 0 || !p) return 0;
    const char *h = p + 2, *q = strstr(h, "::");
    if (!q || (size_t)(q - h) >= hostlen) return 0;
    memcpy(host, h, q - h); host[q - h] = 0;
    *port = atoi(q + 2);
    return strcasestr(q + 2, "::SOCKET") != NULL && *port > 0;
}

ViStatus viOpen(ViSession rm, const char *name, ViUInt32 mode, ViUInt32 timeout, ViSession *vi) {
    (void)mode; (void)timeout;
    char host[128]; int port = 0, found = 0;
    if (rm != RM_HANDLE) return VI_ERROR_INV_OBJECT;
    for (int i = 0; i < map_count; i++)
        if (strcasecmp(map[i].name, name) == 0) { snprintf(host, sizeof host, "%s", map[i].host); port = map[i].port; found = 1; }
    if (!found && !parse_socket(name, host, sizeof host, &port)) return VI_ERROR_RSRC_NFOUND;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    if (fd < 0 || inet_pton(AF_INET, host, &a.sin_addr) != 1 || connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        if (fd >= 0) close(fd);
        return VI_ERROR_RSRC_NFOUND;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    for (int i = 0; i < MAX_SESSIONS; i++) {
        if (!sessions[i].used) {
            memset(&sessions[i], 0, sizeof sessions[i]);
            sessions[i].used = 1; sessions[i].fd = fd; sessions[i].timeout_ms = 2000;
            sessions[i].term = '\n'; sessions[i].send_end = 1;
            *vi = FIRST_SESSION + i;
            return VI_SUCCESS;
        }
    }
    close(fd);
    return VI_ERROR_IO;
}

ViStatus viClose(ViSession vi) {
    if (vi == RM_HANDLE) return VI_SUCCESS;
    struct session *s = get(vi);
    if (!s) return VI_ERROR_INV_OBJECT;
    close(s->fd); s->used = 0;
    return VI_SUCCESS;
}

ViStatus viWrite(ViSession vi, const unsigned char *buf, ViUInt32 cnt, ViUInt32 *ret) {
    struct session *s = get(vi);
    if (!s) return VI_ERROR_INV_OBJECT;
    ViUInt32 done = 0;
    while (done < cnt) {
        ssize_t n = send(s->fd, buf + done, cnt - done, MSG_NOSIGNAL);
        if (n <= 0) { if (ret) *ret = done; return VI_ERROR_CONN_LOST; }
        done += (ViUInt32)n;
    }
    if (ret) *ret = done;
    return VI_SUCCESS;
}

ViStatus viRead(ViSession vi, unsigned char *buf, ViUInt32 cnt, ViUInt32 *ret) {
    struct session *s = get(vi);
    if (!s) return VI_ERROR_INV_OBJECT;
    ViUInt32 got = 0;
    for (;;) {
        while (s->start < s->end && got < cnt) {
            unsigned char c = s->buf[s->start++];
            buf[got++] = c;
            if (s->term_en && c == s->term) { if (ret) *ret = got; return VI_SUCCESS_TERM_CHAR; }
        }
        if (got == cnt) { if (ret) *ret = got; return VI_SUCCESS_MAX_CNT; }
        struct pollfd p = { .fd = s->fd, .events = POLLIN };
        int r = poll(&p, 1, s->timeout_ms == -1 ? -1 : s->timeout_ms);
        if (r == 0) { if (ret) *ret = got; return VI_ERROR_TMO; }
        ssize_t n = recv(s->fd, s->buf, sizeof s->buf, 0);
        if (n <= 0) { if (ret) *ret = got; return VI_ERROR_CONN_LOST; }
        s->start = 0; s->end = (int)n;
    }
}

ViStatus viSetAttribute(ViSession vi, ViAttr attr, ViAttrState value) {
    struct session *s = get(vi);
    if (!s) return VI_ERROR_INV_OBJECT;
    switch (attr) {
    case VI_ATTR_TMO_VALUE: s->timeout_ms = value == 0xFFFFFFFFu ? -1 : (int)value; return VI_SUCCESS;
    case VI_ATTR_TERMCHAR: s->term = (unsigned char)value; return VI_SUCCESS;
    case VI_ATTR_TERMCHAR_EN: s->term_en = value != 0; return VI_SUCCESS;
    case VI_ATTR_SEND_END_EN: s->send_end = value != 0; return VI_SUCCESS;
    default: return VI_ERROR_NSUP_ATTR;
    }
}

ViStatus viGetAttribute(ViSession vi, ViAttr attr, void *value) {
    struct session *s = get(vi);
    if (!s) return VI_ERROR_INV_OBJECT;
    switch (attr) {
    case VI_ATTR_TMO_VALUE: *(ViUInt32 *)value = (ViUInt32)s->timeout_ms; return VI_SUCCESS;
    case VI_ATTR_TERMCHAR: *(unsigned char *)value = s->term; return VI_SUCCESS;
    case VI_ATTR_TERMCHAR_EN: *(unsigned short *)value = (unsigned short)s->term_en; return VI_SUCCESS;
    default: return VI_ERROR_NSUP_ATTR;
    }
}

ViStatus viClear(ViSession vi) {
    struct session *s = get(vi);
    if (!s) return VI_ERROR_INV_OBJECT;
    s->start = s->end = 0;
    return VI_SUCCESS;
}

ViStatus viReadSTB(ViSession vi, unsigned short *stb) {
    struct session *s = get(vi);
    if (!s) return VI_ERROR_INV_OBJECT;
    *stb = s->start < s->end ? 0x10 : 0;
    return VI_SUCCESS;
}

ViStatus viStatusDesc(ViSession vi, ViStatus status, char desc[256]) {
    (void)vi;
    const char *t;
    switch (status) {
    case VI_SUCCESS: t = "VI_SUCCESS: Operation completed successfully."; break;
    case VI_ERROR_TMO: t = "VI_ERROR_TMO: Timeout expired before operation completed."; break;
    case VI_ERROR_RSRC_NFOUND: t = "VI_ERROR_RSRC_NFOUND: Insufficient location information or resource not present in the system."; break;
    case VI_ERROR_CONN_LOST: t = "VI_ERROR_CONN_LOST: The connection for the given session has been lost."; break;
    case VI_ERROR_INV_OBJECT: t = "VI_ERROR_INV_OBJECT: The given session or object reference is invalid."; break;
    case VI_ERROR_NSUP_ATTR: t = "VI_ERROR_NSUP_ATTR: The specified attribute is not defined or supported."; break;
    default: snprintf(desc, 256, "Unknown status 0x%08X", (unsigned)status); return VI_SUCCESS;
    }
    snprintf(desc, 256, "%s", t);
    return VI_SUCCESS;
}
