"""The figures of texts damaged the way copying damages them (bench/damage.py measures the
same kinds on the gold documents): punctuation stripped, line breaks lost, characters spaced
out, list markers without their punctuation, ``≥`` printed as ``2``. Texts written for the test."""

from __future__ import annotations

from gongwen.extractors.figures import figures_of
from gongwen.process import process_text

F = tuple  # (text, kind, value, unit, cmp)


def found(text: str, year: int | None = 2019) -> list[F]:
    return [(f.text, f.kind, f.value, f.unit, f.cmp) for f in figures_of(text, year)]


def test_a_running_head_without_its_line_break_masks_only_its_short_title() -> None:
    text = "Page 12 - 某县年鉴2019P. 12某县年鉴综述全县共有党员3200名，比上年增加120名。"
    assert found(text) == [("3200名", "count", 3200, "名", None), ("120名", "count", 120, "名", None)]


def test_a_file_property_line_run_into_the_body_masks_up_to_its_first_chinese_word() -> None:
    text = "张三 ab123 1 2020-01-02T03:04:05Z 2021-02-03T04:05:06Z 9300 0 False 附件 项目资金30万元"
    assert found(text) == [("30万元", "money", 300000, "元", None)]


def test_a_page_stamp_whose_colons_were_stripped_is_no_figure() -> None:
    assert found("发布时间2021-03-04 154946 浏览次数 本镇新建公园2个") == [("2个", "count", 2, "个", None)]
    # a clock time glued to the year that opens the body: the year stays a figure
    assert found("日期2016-05-06 09302015年全镇完成投资5亿元")[:1] == [("2015年", "date", "2015", None, None)]


def test_a_number_glued_to_the_next_rows_year_is_split_off() -> None:
    lost = "2018年 1200 350002019年 1300 36000"  # the row break before 2019年 is lost
    assert found(lost, None)[2:4] == [("35000", "number", 35000, None, None), ("2019年", "date", "2019", None, None)]
    roc = "民国100年至101年统计 100年 81,859 18062 220450101年 1,014,909"
    got = found(roc, None)
    assert ("220450", "number", 220450, None, None) in got and ("101年", "date", "2012", None, None) in got


def test_a_line_end_number_glued_to_the_next_lines_year() -> None:
    assert found("年末全县党员总数32002019年新发展党员120名") == [
        ("3200", "number", 3200, None, None), ("2019年", "date", "2019", None, None),
        ("120名", "count", 120, "名", None)]


def test_a_long_number_before_year_that_holds_no_year_stays_unsplit() -> None:
    assert all(f[1] != "date" for f in found("合计12345年 递增"))


def test_spaces_a_converter_put_inside_figures() -> None:
    assert found("共投入资金20 万元，帮扶群众600 余名。") == [
        ("20 万元", "money", 200000, "元", None), ("600 余名", "count", 600, "名", ">")]
    assert found("出勤110 万264 次。") == [("110 万264 次", "count", 1100264, "次", None)]
    assert found("须经三分 之二以上委员同意。") == [("三分 之二", "fraction", 0.6667, None, ">=")]


def test_list_markers_that_lost_their_punctuation_are_no_counts() -> None:
    text = "一本会规章之审议\n二本会预算之核定\n三本会人员之任免\n会议室购置三本书"
    assert found(text) == [("三本", "count", 3, "本", None)]
    inline = "一县委会议每月召开两次二县委会议由书记召集三县委会议须有半数以上委员到会"
    assert found(inline) == [("两次", "count", 2, "次", None), ("半数", "fraction", 0.5, None, ">=")]


def test_counts_in_a_row_that_do_not_count_up_stay_counts() -> None:
    assert found("选出代表三人\n二人缺席") == [("三人", "count", 3, "人", None), ("二人", "count", 2, "人", None)]
    assert found("一月召开部署会\n二月召开推进会")[0][1] == "date"


def test_ge_printed_as_two_in_a_bounded_rate_cell_is_repaired_with_a_warning() -> None:
    text = "| 指标 | 年度预算执行率 | 290% |\n| 指标 | 群众满意度 | 295.5% |\n"
    assert found(text) == [("90%", "percent", 0.9, None, ">="), ("95.5%", "percent", 0.955, None, ">=")]
    doc = process_text("某项目绩效目标表\n" + text, path="t.txt")
    assert sum("≥90%" in w for w in doc.warnings) == 1 and sum("≥95.5%" in w for w in doc.warnings) == 1


def test_a_rate_above_100_stays_when_nothing_proves_a_lost_sign() -> None:
    assert found("| 指标 | 营业收入增长率 | 290% |") == [("290%", "percent", 2.9, None, None)]
    assert found("| 指标 | 合格率 | 25% |") == [("25%", "percent", 0.25, None, None)]
    assert found("年度预算执行率达290%。") == [("290%", "percent", 2.9, None, None)]


def test_comparator_words_and_ordinals_spaced_out_by_a_converter() -> None:
    assert found("须有半数 以上委员到会，人数不 少于5人，完成率90%以 上。") == [
        ("半数", "fraction", 0.5, None, ">="), ("5人", "count", 5, "人", ">="),
        ("90%", "percent", 0.9, None, ">=")]
    assert found("第二 十九条 会议由主任召集，第 二十 五条 委员三人") == [("三人", "count", 3, "人", None)]


def test_amount_cells_of_a_row_copied_without_separators() -> None:
    assert found("干部管理51.80负责全县干部队伍管理\n预算资金(万元)284500.00本年度申请(万元)919.00") == [
        ("51.80", "number", 51.8, None, None), ("284500.00", "number", 284500.0, None, None),
        ("919.00", "number", 919.0, None, None)]
    # prose gives such a number a unit or a stop: no cell
    assert found("人均支出12.35元，增长率为12.35，") == [("12.35元", "money", 12.35, "元", None)]


def test_a_comparator_wrapped_down_a_space_aligned_column() -> None:
    text = ("大学生村　　  95%以　　  70%以\n"
            "官到岗率　　  上　　　　　  下\n"
            "换届率　　　  90%及　　  80%\n"
            "　　　　　　  以上　　　  　　\n")
    assert [(f[0], f[4]) for f in found(text)] == [("95%", ">="), ("70%", "<="), ("90%", ">="), ("80%", None)]
    # in prose the next line is another sentence, never the rest of a cell
    assert found("完成率90%\n以上工作按期完成。")[0][4] is None
