package cn.mubiao.kit.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Architecture rules every service checks against its own classes. */
public final class HouseRules {

    private HouseRules() {
    }

    /** {@code domain} packages are plain Java: no Spring, MongoDB, BSON, Kafka or Jackson databind. */
    public static void domainIsPlainJava(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..",
                        "tools.jackson..", "com.fasterxml.jackson.databind..", "jakarta.servlet..")
                .because("domain code is plain Java (house style)")
                .check(classes);
    }
}
