"""The os and constants bindings, driven directly (no JavaScript)."""

from __future__ import annotations

import errno
import os
import signal
import socket

from node_compat.bindings import constants
from node_compat.bindings import os as os_binding
from node_compat.realm import Realm


def test_interface_addresses_include_loopback():
    entries = os_binding.interface_addresses()
    assert isinstance(entries, list)
    loopback = [e for e in entries if e[1] == "127.0.0.1"]
    assert loopback, entries
    name, address, netmask, family, mac, internal, scope = loopback[0]
    assert (netmask, family, mac, internal, scope) == ("255.0.0.0", "IPv4", "00:00:00:00:00:00", True, 0)
    for entry in entries:
        assert entry[3] in ("IPv4", "IPv6")
        socket.inet_pton(socket.AF_INET if entry[3] == "IPv4" else socket.AF_INET6, entry[1])
        assert len(entry[4].split(":")) == 6


def test_cpus_report_times_in_milliseconds():
    cpus = os_binding.cpus()
    assert len(cpus) >= 1
    for model, speed, *times in cpus:
        assert isinstance(model, str) and isinstance(speed, int)
        assert len(times) == 5 and all(isinstance(t, int) and t >= 0 for t in times)


def test_priority_round_trip_and_errors():
    err, value = os_binding.get_priority(0)
    assert err == 0 and value == os.getpriority(os.PRIO_PROCESS, 0)
    assert os_binding.set_priority(0, value) == 0
    assert os_binding.get_priority(2**30) == [-errno.ESRCH, 0]
    assert os_binding.set_priority(2**30, 0) == -errno.ESRCH


def test_user_info_and_home(monkeypatch):
    uid, gid, name, home, shell = os_binding.user_info()
    assert uid == os.geteuid() and isinstance(gid, int) and name and shell
    monkeypatch.setenv("HOME", "/somewhere")
    assert os_binding.home_directory() == "/somewhere"
    monkeypatch.delenv("HOME")
    assert os_binding.home_directory() == home


def test_memory_and_load():
    binding = os_binding.create(None)
    assert binding["getTotalMem"]() >= binding["getFreeMem"]() > 0
    assert len(binding["getLoadAvg"]()) == 3
    assert binding["getUptime"]() > 0
    assert binding["getAvailableParallelism"]() >= 1


def test_constants_come_from_the_platform():
    table = constants.os_constants()
    assert table["errno"]["ENOENT"] == errno.ENOENT
    assert table["signals"]["SIGTERM"] == signal.SIGTERM
    assert "SIGBREAK" not in table["signals"]
    assert list(table["priority"].values()) == [19, 10, 0, -7, -14, -20]
    fs = constants.fs_constants()
    assert fs["O_CREAT"] == os.O_CREAT and fs["S_IFMT"] == 0o170000


def test_constants_binding_objects_have_no_prototype():
    realm = Realm(["node"])
    try:
        proto = realm.engine.eval("(o) => Object.getPrototypeOf(o.signals) === null && o.errno.EPERM === 1")
        binding = constants.create(realm)
        assert proto(binding["os"]) is True
    finally:
        realm.close()
