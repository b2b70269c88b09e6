import io

import pytest

from wcif_desktop.services import crypto


def _enc(data: bytes, password="密码 password", chunk=1024) -> bytes:
    out = io.BytesIO()
    crypto.encrypt_stream(io.BytesIO(data), out, password, log2_n=12, chunk_size=chunk)
    return out.getvalue()


def _dec(blob: bytes, password="密码 password") -> bytes:
    out = io.BytesIO()
    crypto.decrypt_stream(io.BytesIO(blob), out, password, name="x.wcif")
    return out.getvalue()


@pytest.mark.parametrize("size", [0, 1, 1023, 1024, 1025, 5000])
def test_round_trip_any_size(size):
    data = bytes(range(256)) * (size // 256 + 1)
    data = data[:size]
    blob = _enc(data)
    assert blob.startswith(crypto.MAGIC)
    assert data[:64] not in blob or size < 64
    assert _dec(blob) == data


def test_wrong_password_is_named():
    blob = _enc(b"abc" * 1000)
    with pytest.raises(crypto.WrongPassword, match="密码错误"):
        _dec(blob, "wrong")


@pytest.mark.parametrize("cut", [1, 16, 1040, 1041])
def test_truncated_file_is_damaged(cut):
    blob = _enc(b"z" * 3000)
    with pytest.raises(crypto.DamagedFile):
        _dec(blob[:-cut])


def test_flipped_byte_in_content_is_damaged():
    blob = bytearray(_enc(b"q" * 3000))
    blob[crypto.HEADER_SIZE + 1500] ^= 1
    with pytest.raises(crypto.DamagedFile, match="损坏"):
        _dec(bytes(blob))


def test_altered_header_is_refused_as_damaged_not_as_wrong_password():
    blob = bytearray(_enc(b"q" * 3000))
    blob[20] ^= 1  # inside the salt
    with pytest.raises(crypto.DamagedFile, match="文件头"):
        _dec(bytes(blob))


def test_no_header_byte_damage_is_reported_as_a_wrong_password():
    """Issue 23.4: 44 of 56 header positions used to say "wrong password"; now every single-bit flip of every
    header byte is a damaged file (and never a traceback)."""
    blob = _enc(b"q" * 3000)
    for pos in range(crypto.HEADER_SIZE):
        for bit in (0, 7):
            bad = bytearray(blob)
            bad[pos] ^= 1 << bit
            with pytest.raises(crypto.DamagedFile):
                _dec(bytes(bad))


def _crafted(log2_n=12, r=8, p=1, chunk=1024, version=2) -> bytes:
    """A header asking for the given parameters, with a matching digest (what an attacker can write)."""
    base = crypto._HEADER.pack(crypto.MAGIC, version, crypto.KDF_SCRYPT, log2_n, r, p, b"s" * 16, b"n" * 7, chunk)
    checked = base + b"t" * crypto.TAG
    return checked + (crypto._digest(checked) if version >= 2 else b"") + b"x" * 100


@pytest.mark.parametrize("params", [
    dict(log2_n=22, r=32),  # 16 GiB of scrypt memory: was an uncaught MemoryError
    dict(log2_n=20, r=8),  # 1 GiB
    dict(log2_n=17, r=8, p=16),  # within memory, 16× the work
    dict(log2_n=40),
    dict(r=0), dict(p=0), dict(log2_n=0),
    dict(chunk=2 ** 32 - 1),  # 4 GiB chunk
    dict(chunk=0),
    dict(log2_n=22, r=32, version=1),  # the old layout is bounded too
])
def test_crafted_kdf_parameters_and_chunk_sizes_are_refused_in_one_sentence(params):
    with pytest.raises(crypto.DamagedFile) as e:
        _dec(_crafted(**params))
    text = str(e.value)
    assert "x.wcif" in text and "\n" not in text


def test_the_accepted_bounds_include_what_we_write():
    crypto.check_parameters(crypto.DEFAULT_LOG2_N, 8, 1, crypto.DEFAULT_CHUNK)
    crypto.check_parameters(crypto.DEFAULT_LOG2_N + 1, 8, 1, crypto.MAX_CHUNK)  # twice the default memory
    with pytest.raises(crypto.DamagedFile):
        crypto.check_parameters(crypto.DEFAULT_LOG2_N + 2, 8, 1, crypto.DEFAULT_CHUNK)


def test_version_1_files_still_open():
    """Files written before the header digest (format version 1) open with their password."""
    import os

    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, prefix, data = os.urandom(16), os.urandom(7), b"old export " * 300
    base = crypto._HEADER.pack(crypto.MAGIC, 1, crypto.KDF_SCRYPT, 12, 8, 1, salt, prefix, 1024)
    aead = AESGCM(crypto._key("pw", salt, 12, 8, 1))
    header = base + aead.encrypt(prefix + crypto._CHECK_NONCE, b"", base)
    chunks = [data[i:i + 1024] for i in range(0, len(data), 1024)]
    body = b"".join(aead.encrypt(crypto._nonce(prefix, i, i == len(chunks) - 1), c, header)
                    for i, c in enumerate(chunks))
    assert _dec(header + body, "pw") == data
    with pytest.raises(crypto.WrongPassword):
        _dec(header + body, "wrong password")


@pytest.mark.parametrize("password", ["", "short", "七个字的密码啊"])
def test_a_new_password_has_a_minimum_length(password):
    from wcif_desktop.domain.errors import WcifError

    with pytest.raises(WcifError, match="密码"):
        _enc(b"abc", password=password)


def test_reordered_chunks_are_refused():
    blob = _enc(b"a" * 1024 + b"b" * 1024 + b"c" * 10)
    h, size = crypto.HEADER_SIZE, 1024 + crypto.TAG
    swapped = blob[:h] + blob[h + size:h + 2 * size] + blob[h:h + size] + blob[h + 2 * size:]
    with pytest.raises(crypto.DamagedFile):
        _dec(swapped)


def test_not_an_encrypted_file():
    with pytest.raises(crypto.DamagedFile, match="不是加密"):
        _dec(b"SQLite format 3\x00" + b"\0" * 100)


def test_password_file(workdir):
    p = workdir / "密码.txt"
    p.write_text("秘密 123\n第二行\n", encoding="utf-8")
    assert crypto.read_password_file(p) == "秘密 123"
    (workdir / "empty.txt").write_text("", encoding="utf-8")
    from wcif_desktop.domain.errors import WcifError

    with pytest.raises(WcifError, match="密码文件为空"):
        crypto.read_password_file(workdir / "empty.txt")
