package io.registryguard.stepup;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The operator's tool for the step-up key set. Prints to standard output, so the secret never lands in
 * a file the operator did not choose:
 *
 * <pre>
 * StepUpKeys generate          a new key set of one key (private: store it as the secret)
 * StepUpKeys rotate FILE|-     FILE's set with a new signing key in front and every old key kept
 * StepUpKeys public FILE|-     the public JWKS, as /_guard/.well-known/jwks.json serves it
 * </pre>
 *
 * From the gateway jar: {@code java -cp registry-guard.jar -Dloader.main=io.registryguard.stepup.StepUpKeys
 * org.springframework.boot.loader.launch.PropertiesLauncher generate}.
 */
public final class StepUpKeys {

    static final int OK = 0;
    static final int USAGE = 2;
    static final int FAILED = 1;

    private static final String HELP = String.join("\n",
            "usage: StepUpKeys generate          print a new step-up JWK set (one EC P-256 key)",
            "       StepUpKeys rotate FILE|-     print FILE's set with a new signing key first, old keys kept",
            "       StepUpKeys public FILE|-     print the public JWKS of FILE's set",
            "A key set holds private keys: keep it in a secret. Drop a retired key from the end of the set",
            "only after the longest token lifetime (plus clock skew) has passed since it stopped signing.");

    private StepUpKeys() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, Clock.systemUTC()));
    }

    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, Clock clock) {
        if (args.length == 1 && args[0].equals("generate")) {
            out.println(StepUpKeyGenerator.generate(clock).secretJwksJson());
            return OK;
        }
        if (args.length != 2 || !(args[0].equals("rotate") || args[0].equals("public"))) {
            err.println(HELP);
            return USAGE;
        }
        StepUpKeySet current;
        try {
            current = StepUpKeySet.parse(read(args[1], stdin));
        } catch (IOException e) {
            err.println("cannot read " + args[1] + ": " + e.getMessage());
            return FAILED;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return FAILED;
        }
        if (args[0].equals("rotate")) {
            out.println(StepUpKeyGenerator.rotate(current, clock).secretJwksJson());
        } else {
            out.println(current.publicJwksJson());
        }
        return OK;
    }

    private static String read(String source, InputStream stdin) throws IOException {
        if (source.equals("-")) {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        }
        return Files.readString(Path.of(source), StandardCharsets.UTF_8);
    }
}
