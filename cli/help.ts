/** The `rapport` help texts (zh-CN and en). */
import type { Lang } from '../shared/types';

export const ANALYZE_HELP: Record<Lang, string> = {
  en: `Rapport — customer tiers, lifecycle, churn risk and credit from a customer table or a transaction log.

Usage:
  rapport [analyze] [FILE | -] [options]  analyse a CSV/TSV file, or standard input with "-"
                                          (built-in sample data without FILE)
  rapport fit FILE [options]              fit BG/NBD and MBG/NBD + Gamma-Gamma on a transaction log
  rapport validate LOG --as-of D --horizon DAYS   does churn risk predict churn? (AUC on the log's holdout)

Options for analyze:
  --as-of YYYY-MM-DD   analysis date (default: the latest date in the data)
  --json               print the whole analysis as JSON
  --jsonl              print one customer per line as JSON (JSON Lines)
  --csv                print the input rows with the result columns appended (cells that a
                       spreadsheet would run as formulas get a leading ')
  --settings FILE      thresholds and weights (JSON, the same as a sheet template's settings)
  --lang zh|en         language (default: from the locale)
  --limit N            customers listed in the table (default 25)
  --sample N           size of the built-in sample (default 200)
Options for fit:
  --as-of YYYY-MM-DD   calibration cut-off (default: the latest date in the log)
  --unit weeks|days    time unit of the model (default weeks)
  --horizon DAYS       horizon for expected purchases and CLV, in days (default 90)
  --discount RATE      annual discount rate for CLV (default 0)
  --json, --lang zh|en

Files: CSV or TSV in UTF-8 (with or without BOM), UTF-16 or GB18030/GBK, detected automatically.
Excel workbooks (.xlsx, .xls): save them as "CSV UTF-8" first.
Large files: a customer table over 64 MB is read on two threads, and a file over 8 MB gets a thread
for the purchase model's fits; the results are the same as on one thread.
Environment: RAPPORT_MEMORY_MB=N  memory limit (default: three quarters of the free memory)
             RAPPORT_THREADS=1    use one thread only
             RAPPORT_DEBUG=1      details of an internal error, how the file was read and how long it took
Exit status: 0 analysed (row errors are listed), 2 unusable input, 1 internal error.`,
  zh: `Rapport — 根据客户表或交易流水计算客户分级、生命周期、流失风险和信用。

用法:
  rapport [analyze] [文件 | -] [选项]     分析 CSV/TSV 文件, "-" 表示从标准输入读取
                                          (不给文件时分析内置示例数据)
  rapport fit 文件 [选项]                 在交易流水上拟合 BG/NBD、MBG/NBD 与 Gamma-Gamma 模型
  rapport validate 流水 --as-of 日期 --horizon 天数   检验流失风险能否预测流失 (检验期 AUC)

analyze 的选项:
  --as-of YYYY-MM-DD   分析日期 (默认: 数据中最晚的日期)
  --json               以 JSON 输出完整分析
  --jsonl              每行一个客户的 JSON (JSON Lines)
  --csv                输出原始行并在右侧附加结果列 (可能被表格软件当作公式执行的单元格前加 ')
  --settings 文件      阈值和权重 (JSON, 与表格模板的设置相同)
  --lang zh|en         语言 (默认跟随系统区域设置)
  --limit N            表格中列出的客户数 (默认 25)
  --sample N           内置示例的客户数 (默认 200)
fit 的选项:
  --as-of YYYY-MM-DD   校准截止日 (默认: 流水中最晚的日期)
  --unit weeks|days    模型的时间单位 (默认 weeks)
  --horizon 天数       预期购买次数和 CLV 的时间范围, 单位为天 (默认 90)
  --discount 比率      CLV 的年折现率 (默认 0)
  --json, --lang zh|en

文件: CSV 或 TSV, UTF-8 (带或不带 BOM)、UTF-16 或 GB18030/GBK, 自动识别。
Excel 工作簿 (.xlsx, .xls) 请先另存为 "CSV UTF-8"。
大文件: 超过 64 MB 的客户表用两个线程读取, 超过 8 MB 的文件另用一个线程拟合购买模型; 结果与单线程相同。
环境变量: RAPPORT_MEMORY_MB=N  内存上限 (默认为可用内存的四分之三)
          RAPPORT_THREADS=1    只用一个线程
          RAPPORT_DEBUG=1      内部错误的详细信息, 文件是如何读取的以及用了多长时间
退出码: 0 已分析 (行错误会列出), 2 输入无法使用, 1 内部错误。`,
};
