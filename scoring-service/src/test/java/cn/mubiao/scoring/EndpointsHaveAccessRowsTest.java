package cn.mubiao.scoring;

import cn.mubiao.kit.testing.EveryEndpointHasAnAccessRow;

/** A new endpoint of this service without a row in the access matrix fails the build. */
class EndpointsHaveAccessRowsTest extends EveryEndpointHasAnAccessRow {
}
