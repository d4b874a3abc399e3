@testable import DossierServer
import Hummingbird
import Testing

@Suite struct ConstantTimeTests {
    @Test func comparesWholeTokens() {
        let equal = BearerAuthMiddleware<BasicRequestContext>.constantTimeEqual
        #expect(equal(Array("secret-token".utf8), Array("secret-token".utf8)))
        #expect(!equal(Array("secret-token".utf8), Array("secret-tokeN".utf8)))
        #expect(!equal(Array("secret".utf8), Array("secret-token".utf8)))   // a prefix is not a match
        #expect(!equal([], Array("x".utf8)))
        #expect(!equal(Array("secret-token\0".utf8), Array("secret-token".utf8)))   // padding with zeros is not a match
    }

    @Test func responseCacheDropsTheLeastRecentlyUsed() {
        let cache = ResponseCache(capacity: 2)
        let entry = { (s: String) in ResponseCache.Entry(bytes: Array(s.utf8), contentType: "text/plain", etag: s) }
        cache.put("a", entry("a"))
        cache.put("b", entry("b"))
        _ = cache.get("a")
        cache.put("c", entry("c"))
        #expect(cache.count == 2)
        #expect(cache.get("b") == nil)
        #expect(cache.get("a")?.etag == "a")
        #expect(cache.get("c")?.etag == "c")
    }
}
