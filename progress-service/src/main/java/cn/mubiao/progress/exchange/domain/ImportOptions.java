package cn.mubiao.progress.exchange.domain;

import cn.mubiao.contracts.dhis2.IdScheme;
import cn.mubiao.kit.domain.InvalidInput;

import java.util.Locale;

/**
 * The DHIS2 import parameters we serve. {@code importStrategy} is {@code CREATE_AND_UPDATE} only (a value is
 * recorded whether or not one exists; nothing is ever deleted); {@code async=true} is refused, since the answer
 * is always the import summary itself.
 */
public record ImportOptions(boolean dryRun, IdScheme.Schemes idSchemes, boolean firstRowIsHeader) {

    public static final String CREATE_AND_UPDATE = "CREATE_AND_UPDATE";

    public static ImportOptions parse(Boolean dryRun, String idScheme, String dataElementIdScheme, String orgUnitIdScheme,
                                      String importStrategy, Boolean async, Boolean firstRowIsHeader) {
        if (importStrategy != null && !importStrategy.isBlank()
                && !importStrategy.strip().toUpperCase(Locale.ROOT).equals(CREATE_AND_UPDATE)) {
            throw new InvalidInput("importStrategy",
                    "仅支持 CREATE_AND_UPDATE，不删除、不区分新增与更新 / only CREATE_AND_UPDATE is supported, not " + importStrategy);
        }
        if (Boolean.TRUE.equals(async)) {
            throw new InvalidInput("async", "不支持异步导入，请使用 async=false，结果随响应返回 / asynchronous import is not "
                    + "supported: send async=false and read the import summary from the answer");
        }
        return new ImportOptions(Boolean.TRUE.equals(dryRun),
                IdScheme.Schemes.parse(idScheme, dataElementIdScheme, orgUnitIdScheme),
                firstRowIsHeader == null || firstRowIsHeader);
    }
}
