package org.guichet.platform.production;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The secrets and keys the repository publishes for the demo (config/demo, docker-compose's demo override,
 * the development signing key), known here only by their SHA-256 so that the artifacts carry none of them.
 * KnownDemoSecretsTest checks that every secret in config/demo is listed.
 * <p>Decision: docs/adr/0006-demo-and-production-configuration.md.
 */
public final class KnownDemoSecrets {
    private static final Set<String> SHA256 = Set.of(
            "38a4bbbad8d4aff9de3f44621b3ec675c3b99aa3e84c18fb98a16138e654eebc", // the demo database password
            "ac84eec65ffb2220ffcb6f629979a79c30f56bf90e3503f7bb5adbc2156b622f", // the development token key (public half)
            "03a8f3f77acdf39c33b97ce53e4df2353f55a9fda59d88520ada24440243830f", // the back office's client secret
            "a65f8d2cbf5f8600c5524e602d57241400777588b6ad5277b7ba1518749b5a1b", // the staff desk's client secret
            "7824358a8786c26bdc731e1a501d090da31d852ecabdfa0d85d2332a2673782e", // the five services' client secrets
            "3fe88fcfbd8796e16a78721ae38a29cc6307995c9412fea795719eb3eaae05d9",
            "09cadf083a539534efb453a32a8d47337aad84ff229ff481d47279297b215ddb",
            "047487d37b7c28e775d37d2a00bcc0769bd22b8e32abce663e4a212e97c22110",
            "a7b7591525fc2f146ae640489ffb6d415b80e15a8cff6bc8e467a3bfbcbf80fc",
            "503216ea558268289b407eee3879857e4e98795fea3a647870c798e9535ecd6a", // the simulator's Mollie key
            "322e4f6f80b1eb04090dd88cc91653c0182c153a3ffd57a50400c3669303154c", // the simulator's GoPay client secret
            "8bca20f1a274129ea558a88007fd172f9235a1d418c091e4637ab510e3f77ef7", // the simulator's Ogone SHA-IN,
            "c2fb8d83ee5a3f0549867e02510264c8a96ecc6ba6cf70d3703df4651d800066", // SHA-OUT
            "a1bd2c1a0a6f21d0244930a4d91bd6aa541fc950512bffb6d9e463449b398544", // and API password
            "d6192047ad60bb2b209a02d54d8a730a40a5aa4769eb5b1b29ed711c4ad233a3", // the simulator's Sips secret key
            "3b23a5a0b3522723342ebcd59904f62d6631ae2907e24e3d7a8672f56e29e3b8", // the sandbox's API key
            "8e4c4f84ad009fd29f7f1148768b09e711247835528ec85adafb003534eb7bfa", // and webhook secret
            "3ad1dc99c03dfaca7bb91052dc19442b139ad9b443f8f97c0abce62536037e90"); // the demo key sealing secrets in events

    private KnownDemoSecrets() {
    }

    public static boolean isKnown(String value) {
        return value != null && !value.isBlank() && SHA256.contains(sha256(value.strip()));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
