"""What the query guard watches of other processes: who talks to its backends, and
who writes the store.

The backends listen on loopback ports any local user can connect to, and oxigraph has
no way to refuse them; :func:`connections_not_ours` finds such connections in the
kernel's socket table (Linux ``/proc``), so the guard holds them to the same time
limit as its own (:meth:`sckg.serve.pool.Pool._overstayed`).

A backend that opens the store while another process writes it can read it half
written; :func:`store_state` tells a reload when the store may be opened, and whether
it changed while the new backends opened it.
"""

from __future__ import annotations

import fcntl
import os
import socket
import struct
import sys
from collections.abc import Collection


def connections_not_ours(ports: Collection[int]) -> set[tuple[int, tuple[str, int]]]:
    """(backend port, peer address) of each established connection to one of ``ports``
    on 127.0.0.1 whose other end is not a socket of this process."""
    table = _tcp_sockets()
    ours = _own_socket_inodes()  # after the table: a socket in it that is ours is still open
    mine = {local for local, _remote, _state, inode in table if inode in ours}
    return {(local[1], remote) for local, remote, state, _inode in table
            if state == _ESTABLISHED and local[0] == "127.0.0.1" and local[1] in ports and remote not in mine}


_ESTABLISHED = 1


def _tcp_sockets() -> list[tuple[tuple[str, int], tuple[str, int], int, int]]:
    """(local, remote, state, inode) of the IPv4 TCP sockets of this network namespace
    (Linux ``/proc/net/tcp``); empty where there is none."""
    try:
        lines = open("/proc/net/tcp", encoding="ascii").read().splitlines()[1:]
    except OSError:
        return []

    def address(text: str) -> tuple[str, int]:
        host, port = text.split(":")
        return socket.inet_ntoa(bytes.fromhex(host)[::-1]), int(port, 16)

    table = []
    for line in lines:
        fields = line.split()
        if len(fields) > 9:
            table.append((address(fields[1]), address(fields[2]), int(fields[3], 16), int(fields[9])))
    return table


def _own_socket_inodes() -> set[int]:
    """The inodes of the sockets this process holds open."""
    found = set()
    try:
        names = os.listdir("/proc/self/fd")
    except OSError:
        return found
    for name in names:
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            found.add(int(target[8:-1]))
    return found


def store_state(store: str) -> tuple | None:
    """The store's folder and files (inode; name, size, modification time of each), or
    None while another process holds it open for writing (RocksDB's ``LOCK``) or it is
    missing. A backend that opens the store while a writer has it open may find it half
    written: it can fail to start, or start and then fail or hang on a query. So a new
    generation is used only if this is not None and the same before and after it opens
    the store (a writer that opened and closed it meanwhile changes the files)."""
    try:
        if _write_locked(os.path.join(store, "LOCK")):
            return None
        folder = os.stat(store).st_ino
        return folder, tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(store)))
    except OSError:
        return None


def _write_locked(path: str) -> bool:
    """Whether another process holds a POSIX lock on ``path`` (asked with F_GETLK, so the
    file is never locked here and a writer is never refused by this check)."""
    if not sys.platform.startswith("linux"):
        return False  # struct flock's layout differs; the file check above still applies
    fd = os.open(path, os.O_RDONLY)
    try:
        query = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        return struct.unpack(_FLOCK, fcntl.fcntl(fd, fcntl.F_GETLK, query))[0] != fcntl.F_UNLCK
    finally:
        os.close(fd)


_FLOCK = "hhqqi4x"  # Linux struct flock: l_type, l_whence, l_start, l_len, l_pid
