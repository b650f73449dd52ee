package cn.mubiao.target;

import cn.mubiao.kit.testing.EveryEndpointHasAnAccessRow;

/** A new endpoint of this service without a row in the access matrix fails the build. */
class EndpointsHaveAccessRowsTest extends EveryEndpointHasAnAccessRow {
}
