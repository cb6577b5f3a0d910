package org.tandem.generator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The generate profile ({@code ./mvnw -Pgenerate -Dscale=0.1}): fills its own embedded database
 * ({@code .tandem-data/network}) with a network at {@code tandem.generator.scale} on the first start, then serves it
 * like any Tandem, so that the generated clinics can be browsed. A later start keeps what is there.
 */
@Component
@Profile("generate & !prod")
class NetworkGeneratorRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NetworkGeneratorRunner.class);

    private final NetworkGenerator generator;
    private final double scale;

    NetworkGeneratorRunner(NetworkGenerator generator, @Value("${tandem.generator.scale:0.01}") double scale) {
        this.generator = generator;
        this.scale = scale;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (generator.generatedBefore()) {
            log.info("This database already holds a generated network: kept as it is (remove "
                    + ".tandem-data/network to generate another)");
            return;
        }
        log.info("Generating a clinic network at scale {} ...", scale);
        GeneratedNetwork network = generator.generate(scale);
        long firstClinic = network.clinicIds().getFirst();
        log.info("Generated {} clinics, {} therapists, {} couples, {} check-ins, {} workbook answers, {} audit rows "
                        + "in {} s. Sign in as admin@c{}.network.example, therapist1@c{}.network.example (… therapist10) "
                        + "or any partner, password {}",
                network.clinicIds().size(), network.therapistAccountIds().size(), network.couples(),
                network.checkIns(), network.answers(), network.auditRows(), network.took().toSeconds(), firstClinic,
                firstClinic, NetworkGenerator.PASSWORD);
    }
}
