import DossierKit
import Testing

@Test func sha256MatchesKnownDigests() {
    #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    let bytes = Array((0..<5).flatMap { _ in (0...255).map { UInt8($0) } })
    #expect(SHA256.hex(bytes) == "d414b085826eb06778483ba35564dc849e643359f69ed9747878ba6e54985bed")
    // Fed in uneven pieces, the digest is the same.
    var h = SHA256()
    h.update(Array(bytes[0..<7])); h.update(Array(bytes[7..<130])); h.update(Array(bytes[130...]))
    #expect(h.finalize().map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined() == SHA256.hex(bytes))
}
