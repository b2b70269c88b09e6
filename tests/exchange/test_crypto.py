import io

import pytest

from wcif_desktop.services import crypto


def _enc(data: bytes, password="密码 pass", chunk=1024) -> bytes:
    out = io.BytesIO()
    crypto.encrypt_stream(io.BytesIO(data), out, password, log2_n=12, chunk_size=chunk)
    return out.getvalue()


def _dec(blob: bytes, password="密码 pass") -> bytes:
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


def test_altered_header_is_refused():
    blob = bytearray(_enc(b"q" * 3000))
    blob[20] ^= 1  # inside the salt
    with pytest.raises(crypto.WrongPassword):
        _dec(bytes(blob))


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
