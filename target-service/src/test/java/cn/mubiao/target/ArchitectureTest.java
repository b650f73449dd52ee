package cn.mubiao.target;

import cn.mubiao.kit.testing.HouseRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void domainCodeIsPlainJavaWithoutSpringMongoOrKafka() {
        HouseRules.domainIsPlainJava("cn.mubiao.target");
    }
}
